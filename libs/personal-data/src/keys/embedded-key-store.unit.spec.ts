import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataKeyStoreContract } from '../contract';
import { embeddedKeyStoreFile, openEmbeddedKeyStore } from './embedded-key-store';

const dataDir = mkdtempSync(join(tmpdir(), 'cdp-keys-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

dataKeyStoreContract({
  name: 'Embedded (SQLite)',
  open: (masterKey) => openEmbeddedKeyStore({ dataDir, masterKey }),
});

describe('the embedded key store on disk', () => {
  const fileBytes = (dir: string) =>
    Buffer.concat(
      ['', '-wal'].map((suffix) => join(dir, embeddedKeyStoreFile + suffix)).filter(existsSync).map((file) => readFileSync(file)),
    );

  // Any 8 bytes of the wrapped key count: a freed cell is often partly overwritten by the next one.
  const holdsAnyPartOf = (bytes: Buffer, secret: Buffer) =>
    Array.from({ length: secret.length - 7 }, (_, i) => secret.subarray(i, i + 8)).some((part) => bytes.includes(part));

  it('given an erased subject, when the files are read, then the wrapped key bytes are nowhere in them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdp-keys-shred-'));
    try {
      const store = await openEmbeddedKeyStore({ dataDir: dir, masterKey: randomBytes(32) });
      const subjects = Array.from({ length: 20 }, () => randomUUID());
      for (const subject of subjects) await store.currentKey(subject);
      const erased = subjects[7];
      const reader = new Database(join(dir, embeddedKeyStoreFile), { readonly: true });
      const wrapped = reader
        .prepare<[string], { wrapped_key: Buffer }>('SELECT wrapped_key FROM personal_data_keys WHERE subject_id = ?')
        .get(erased)!.wrapped_key;
      reader.close();
      expect(holdsAnyPartOf(fileBytes(dir), wrapped)).toBe(true);

      await store.eraseKeys(erased);

      // Read while the store is still open: the write-ahead log must not keep the key either.
      expect(holdsAnyPartOf(fileBytes(dir), wrapped)).toBe(false);
      expect(fileBytes(dir).includes(Buffer.from(subjects[8]))).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
