import { Db, IndexDirection } from 'mongodb';

/**
 * One index of a read model. Only what FerretDB 1.x supports is expressible here: single and
 * compound keys, optionally unique. Partial, sparse, TTL and collated indexes are left out on purpose.
 */
export interface IndexSpec {
  collection: string;
  key: Record<string, IndexDirection>;
  /** Stable names make a changed definition fail loudly instead of adding a second index. */
  name: string;
  unique?: boolean;
}

/**
 * Creates the indexes that do not exist yet; safe to run at every start-up.
 * An existing index with the same name but another definition is an error (the server's
 * IndexOptionsConflict / IndexKeySpecsConflict): drop it deliberately, it is never replaced silently.
 */
export async function ensureIndexes(db: Db, specs: readonly IndexSpec[]): Promise<void> {
  // One index per command: FerretDB 1.x (up to at least v1.24.2) drops the wrong entry from a batch
  // once two of its indexes already exist, and panics on the connection (FerretDB issue #3858).
  for (const { collection, key, name, unique } of specs) {
    await db.collection(collection).createIndex(key, unique ? { name, unique } : { name });
  }
}
