import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedReadStore } from './embedded-read-store';

describe('embedded read store, indexes deferred', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cdp-read-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates only the unique indexes until the collection is opened without deferIndexes', async () => {
    const file = join(dir, 'read-models.sqlite');
    const store = openEmbeddedReadStore({ file });
    const definition = {
      name: 'customers',
      indexes: [
        { name: 'email_unique', fields: [{ field: 'email', direction: 'asc' as const }], unique: true },
        { name: 'by_country', fields: [{ field: 'country', direction: 'asc' as const }] },
      ],
    };
    const indexNames = () => {
      const db = new Database(file, { readonly: true });
      try {
        const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL").all() as { name: string }[];
        return rows.map((row) => row.name).sort();
      } finally {
        db.close();
      }
    };
    try {
      const customers = await store.collection(definition, { deferIndexes: true });
      await customers.write({ upserts: [{ id: 'c1', position: '01', body: { email: 'ada@example.org', country: 'GB' } }] });
      expect(indexNames()).toHaveLength(1);
      expect(indexNames()[0]).toContain('email_unique');
      // The same answers meanwhile, without the index.
      expect((await customers.find({ where: [{ field: 'country', op: 'eq', value: 'GB' }], limit: 10 })).items.map((d) => d.id)).toEqual(['c1']);

      await store.collection(definition);
      expect(indexNames()).toHaveLength(2);
      expect(indexNames().some((name) => name.includes('by_country'))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
