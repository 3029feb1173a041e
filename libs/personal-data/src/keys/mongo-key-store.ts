import { createSecretKey, KeyObject } from 'node:crypto';
import { Binary, Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '@cdp/mongodb';
import { DataKey, DataKeyStore } from './data-key';
import { hasLiveKey, keyOfGeneration, KeyRow, LiveKeyRow } from './key-row';
import { newDataKey, unwrapDataKey, wrapDataKey } from './key-wrapping';

export interface MongoKeyStoreOptions {
  db: Db;
  /** 32 bytes (see parseMasterKey). */
  masterKey: Buffer;
  collection?: string;
}

/** One document per subject: its live key, or, with `wrappedKey: null`, the tombstone of its last erasure. */
interface KeyDocument {
  _id: string;
  generation: number;
  wrappedKey: Binary | null;
  createdAt: Date;
  erasedAt?: Date;
}

// Creation and erasure are compare-and-set on (_id, generation): without transactions (FerretDB 1.x
// has none) a writer that lost a race re-reads and tries again. A race is lost at most once per rival.
const maxAttempts = 10;

/**
 * Data keys in MongoDB (or FerretDB 1.x), for deployments where several hosts ingest.
 * The unique `_id` (the subject) is what makes two processes creating a first key end with one.
 */
export class MongoKeyStore implements DataKeyStore {
  private readonly keys: Collection<KeyDocument>;
  private readonly masterKey: KeyObject;

  constructor(options: MongoKeyStoreOptions) {
    // A key must be durable before any event is encrypted under it: losing it would shred live data.
    this.keys = options.db.collection<KeyDocument>(options.collection ?? 'personal_data_keys', {
      writeConcern: { w: 'majority', journal: true },
    });
    this.masterKey = createSecretKey(options.masterKey);
  }

  async currentKey(subjectId: string): Promise<DataKey> {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const row = await this.find(subjectId);
      if (hasLiveKey(row)) return this.unwrap(subjectId, row);
      const generation = (row?.generation ?? 0) + 1;
      const key = newDataKey();
      const wrappedKey = new Binary(wrapDataKey(this.masterKey, subjectId, generation, key));
      if (await this.putKey(subjectId, row, { _id: subjectId, generation, wrappedKey, createdAt: new Date() })) {
        return { subjectId, generation, key };
      }
    }
    throw new Error(`could not create a data key for ${subjectId}: ${maxAttempts} concurrent writers won before this one`);
  }

  async findKey(subjectId: string, generation: number): Promise<DataKey | 'erased' | undefined> {
    const found = keyOfGeneration(await this.find(subjectId), generation);
    return found && found !== 'erased' ? this.unwrap(subjectId, found) : found;
  }

  async eraseKeys(subjectId: string): Promise<void> {
    const erasedAt = new Date();
    const tombstone = { _id: subjectId, generation: 0, wrappedKey: null, createdAt: erasedAt, erasedAt };
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const row = await this.find(subjectId);
      if (!row) {
        if (await this.insertIfAbsent(tombstone)) return;
        continue;
      }
      // Guarded by the generation read: a key created meanwhile is a later generation, erased on the next attempt.
      const updated = await this.keys.updateOne(
        { _id: subjectId, generation: row.generation },
        { $set: { wrappedKey: null, erasedAt } },
      );
      if (updated.matchedCount === 1) return;
    }
    throw new Error(`could not erase the data keys of ${subjectId}: they kept changing`);
  }

  /** The connection belongs to the caller, who may share it with read models. */
  async close(): Promise<void> {}

  private async find(subjectId: string): Promise<KeyRow | undefined> {
    const doc = await this.keys.findOne({ _id: subjectId });
    if (!doc) return undefined;
    return { generation: doc.generation, wrappedKey: doc.wrappedKey ? doc.wrappedKey.buffer : undefined };
  }

  private async putKey(subjectId: string, previous: KeyRow | undefined, doc: KeyDocument): Promise<boolean> {
    if (!previous) return this.insertIfAbsent(doc);
    const replaced = await this.keys.updateOne(
      { _id: subjectId, generation: previous.generation, wrappedKey: null },
      { $set: { generation: doc.generation, wrappedKey: doc.wrappedKey, createdAt: doc.createdAt } },
    );
    return replaced.matchedCount === 1;
  }

  private async insertIfAbsent(doc: KeyDocument): Promise<boolean> {
    try {
      await this.keys.insertOne(doc);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  private unwrap(subjectId: string, row: LiveKeyRow): DataKey {
    return { subjectId, generation: row.generation, key: unwrapDataKey(this.masterKey, subjectId, row.generation, row.wrappedKey) };
  }
}

export async function openMongoKeyStore(options: MongoKeyStoreOptions): Promise<MongoKeyStore> {
  return new MongoKeyStore(options);
}
