import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Condition, InvalidReadQueryError } from '@cdp/read-store';
import { openEmbeddedReadStore } from './embedded-read-store';
import { conditionSql, findSql } from './sql-query';

describe('the SQL of the embedded read store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-read-sql-'));
  const file = join(dir, 'read-models.sqlite');
  let raw: Database.Database;

  beforeAll(async () => {
    const store = openEmbeddedReadStore({ file });
    const customers = await store.collection({
      name: 'customers',
      indexes: [{ name: 'by_country_revenue', fields: [{ field: 'country', direction: 'asc' }, { field: 'revenue.GBP', direction: 'desc' }] }],
    });
    await customers.write({
      upserts: Array.from({ length: 500 }, (_, i) => ({
        id: `c-${i}`,
        position: String(i).padStart(12, '0'),
        body: { country: ['GB', 'FR', 'DE', 'NL', 'ES'][i % 5], revenue: { GBP: i } },
      })),
    });
    await store.close();
    raw = new Database(file, { readonly: true });
  });
  afterAll(() => {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (sql: { text: string; params: unknown[] }) =>
    (raw.prepare(`EXPLAIN QUERY PLAN ${sql.text}`).all(...sql.params, 11) as { detail: string }[]).map((r) => r.detail).join('\n');

  it('answers an indexed filter and sort from the expression index, without sorting, starting at the cursor', () => {
    const where: Condition[] = [{ field: 'country', op: 'eq', value: 'GB' }];
    const [firstPage] = findSql('customers', { where, sort: { field: 'revenue.GBP', direction: 'desc' } });
    const [ascending] = findSql('customers', { where, sort: { field: 'revenue.GBP', direction: 'asc' }, after: { value: 120, id: 'c-120' } });
    const [descending, nulls] = findSql('customers', { where, sort: { field: 'revenue.GBP', direction: 'desc' }, after: { value: 120, id: 'c-120' } });

    const index = 'SEARCH customers USING INDEX customers__by_country_revenue';
    expect(plan(firstPage)).toBe(`${index} (<expr>=?)`);
    expect(plan(ascending)).toBe(`${index} (<expr>=? AND <expr>>?)`);
    expect(plan(descending)).toBe(`${index} (<expr>=? AND <expr><?)`);
    expect(plan(nulls)).toBe(`${index} (<expr>=? AND <expr>=?)`);
    const [nullsAscending, valuesAscending] = findSql('customers', { where, sort: { field: 'revenue.GBP', direction: 'asc' }, after: { value: null, id: 'c-1' } });
    expect(plan(nullsAscending)).toBe(`${index} (<expr>=? AND <expr>=? AND id>?)`);
    expect(plan(valuesAscending)).toBe(`${index} (<expr>=?)`);
  });

  it('binds every value as a parameter', () => {
    const sql = conditionSql({ field: 'country', op: 'in', values: ["GB' OR 1=1 --", 3, true, null] });
    expect(sql.text).not.toContain('GB');
    expect(sql.params).toEqual(["GB' OR 1=1 --", 3, 1]);
    expect(raw.prepare(`SELECT count(*) AS n FROM customers WHERE ${sql.text}`).get(...sql.params)).toEqual({ n: 0 });
  });

  it('refuses a field path that is not dotted identifiers before any SQL is written', () => {
    expect(() => conditionSql({ field: "country') IS NULL OR ('", op: 'eq', value: 1 })).toThrow(InvalidReadQueryError);
    expect(() => findSql('customers', { where: [], sort: { field: 'a.b-c', direction: 'asc' } })).toThrow(InvalidReadQueryError);
    expect(() => findSql('customers"; --', { where: [] })).toThrow(InvalidReadQueryError);
  });
});
