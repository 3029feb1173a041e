import Database from 'better-sqlite3';
import { createSecretKey, KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataKey, DataKeyStore } from './data-key';
import { hasLiveKey, keyOfGeneration, KeyRow, LiveKeyRow } from './key-row';
import { newDataKey, unwrapDataKey, wrapDataKey } from './key-wrapping';

export interface EmbeddedKeyStoreOptions {
  /** The folder holding `personal-data-keys.sqlite`; created if missing. */
  dataDir: string;
  /** 32 bytes (see parseMasterKey / loadOrCreateMasterKey). */
  masterKey: Buffer;
}

export const embeddedKeyStoreFile = 'personal-data-keys.sqlite';

// One row per subject. Generations only move on by erasure, so a subject has at most one live key:
// the row holds it, or, once erased, the tombstone (wrapped_key NULL, the last generation kept).
const schema = `
CREATE TABLE IF NOT EXISTS personal_data_keys (
  subject_id   TEXT PRIMARY KEY,
  generation   INTEGER NOT NULL,  -- the live key's generation, or the last erased one
  wrapped_key  BLOB,              -- AES-256-GCM under the master key; NULL once erased
  created_at   INTEGER NOT NULL,  -- ms since epoch, of the live key or of the tombstone
  erased_at    INTEGER            -- ms since epoch, of the last erasure
) WITHOUT ROWID;
`;

interface SqlRow {
  generation: number;
  wrappedKey: Buffer | null;
}

/** Data keys in a SQLite file beside the embedded event store. Several processes may share the file. */
export class EmbeddedKeyStore implements DataKeyStore {
  private readonly db: Database.Database;
  private readonly masterKey: KeyObject;
  private readonly statements;

  constructor(options: EmbeddedKeyStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.masterKey = createSecretKey(options.masterKey);
    this.db = new Database(join(options.dataDir, embeddedKeyStoreFile));
    this.db.pragma('journal_mode = WAL');
    // A key must be on disk before any event encrypted under it: losing it would shred live data.
    this.db.pragma('synchronous = FULL');
    // Erased key bytes are overwritten with zeros in the file, not just unlinked from the b-tree.
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(schema);
    this.statements = {
      find: this.db.prepare<[string], SqlRow>(
        'SELECT generation, wrapped_key AS wrappedKey FROM personal_data_keys WHERE subject_id = ?',
      ),
      putKey: this.db.prepare<[string, number, Buffer, number]>(
        `INSERT INTO personal_data_keys (subject_id, generation, wrapped_key, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (subject_id) DO UPDATE SET generation = excluded.generation, wrapped_key = excluded.wrapped_key,
           created_at = excluded.created_at`,
      ),
      erase: this.db.prepare<[{ subjectId: string; now: number }]>(
        `INSERT INTO personal_data_keys (subject_id, generation, wrapped_key, created_at, erased_at)
           VALUES (@subjectId, 0, NULL, @now, @now)
         ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, erased_at = @now`,
      ),
    };
  }

  async currentKey(subjectId: string): Promise<DataKey> {
    const row = this.find(subjectId);
    if (hasLiveKey(row)) return this.unwrap(subjectId, row);
    return this.createKey(subjectId);
  }

  async findKey(subjectId: string, generation: number): Promise<DataKey | 'erased' | undefined> {
    const found = keyOfGeneration(this.find(subjectId), generation);
    return found && found !== 'erased' ? this.unwrap(subjectId, found) : found;
  }

  async eraseKeys(subjectId: string): Promise<void> {
    this.statements.erase.run({ subjectId, now: Date.now() });
    // The WAL still holds page images with the key: copy the zeroed pages back and empty it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private find(subjectId: string): KeyRow | undefined {
    const row = this.statements.find.get(subjectId);
    return row && { generation: row.generation, wrappedKey: row.wrappedKey ?? undefined };
  }

  private createKey(subjectId: string): DataKey {
    // IMMEDIATE takes the write lock before the re-read: of two processes creating the first key
    // of a subject at once, the second waits, then finds the first one's key.
    const create = this.db.transaction((): DataKey => {
      const row = this.find(subjectId);
      if (hasLiveKey(row)) return this.unwrap(subjectId, row);
      const generation = (row?.generation ?? 0) + 1;
      const key = newDataKey();
      this.statements.putKey.run(subjectId, generation, wrapDataKey(this.masterKey, subjectId, generation, key), Date.now());
      return { subjectId, generation, key };
    });
    return create.immediate();
  }

  private unwrap(subjectId: string, row: LiveKeyRow): DataKey {
    return { subjectId, generation: row.generation, key: unwrapDataKey(this.masterKey, subjectId, row.generation, row.wrappedKey) };
  }
}

export async function openEmbeddedKeyStore(options: EmbeddedKeyStoreOptions): Promise<EmbeddedKeyStore> {
  return new EmbeddedKeyStore(options);
}
