import { JsonObject } from '@cdp/event-model';
import { Position, ReadDocument } from './read-document';
import { Condition, FieldPath, FindQuery, GroupCount, GroupSum, SortOrder } from './read-query';

export interface IndexDefinition {
  /** Stable: a changed definition under the same name fails loudly instead of adding a second index. */
  name: string;
  fields: readonly SortOrder[];
  unique?: boolean;
}

export interface CollectionDefinition {
  /** Lower case, digits and `_`, starting with a letter: valid as a table and as a collection name. */
  name: string;
  indexes: readonly IndexDefinition[];
}

export interface Page<Body extends JsonObject> {
  items: ReadDocument<Body>[];
  nextCursor: string | null;
}

export interface WriteBatch<Body extends JsonObject> {
  upserts?: readonly ReadDocument<Body>[];
  deletes?: readonly { id: string; position: Position }[];
}

export interface ReadCollection<Body extends JsonObject = JsonObject> {
  readonly name: string;
  get(id: string): Promise<ReadDocument<Body> | null>;
  getMany(ids: readonly string[]): Promise<Map<string, ReadDocument<Body>>>;
  /**
   * Position-guarded, hence idempotent: an upsert replaces the stored document only when its position is
   * greater (or nothing is stored); a delete removes it only when the given position is greater.
   * Re-applying a batch changes nothing. No atomicity across documents is promised.
   */
  write(batch: WriteBatch<Body>): Promise<void>;
  /**
   * Unguarded replace-or-insert of many documents, as crash-safe as `write`: for collections whose single writer
   * needs no position guard (keyed buckets), and the store's raw write ceiling in benchmarks.
   */
  bulkReplace(documents: readonly ReadDocument<Body>[]): Promise<void>;
  /**
   * Inserts documents with ids nothing holds yet (a computed audience), without reading or deleting anything first:
   * the cheapest write of every store. Not atomic: a failure may leave some inserted.
   * @throws DocumentExistsError when an id is stored already
   */
  insertNew(documents: readonly ReadDocument<Body>[]): Promise<void>;
  /** Unguarded delete of the documents (those absent are ignored), as crash-safe as `write`: for single-writer collections. */
  bulkDelete(ids: readonly string[]): Promise<void>;
  find(query: FindQuery): Promise<Page<Body>>;
  /** Every matching document in sort order, in constant memory (paged underneath). */
  stream(query: Omit<FindQuery, 'limit' | 'after'>): AsyncIterable<ReadDocument<Body>>;
  count(where?: readonly Condition[]): Promise<number>;
  /** Documents per distinct value of `field` (null and missing together under null), by value ascending. */
  countBy(field: FieldPath, where?: readonly Condition[]): Promise<GroupCount[]>;
  /** Per distinct value of `groupField`: the documents and the sum of the numeric `sumField` (missing adds 0). */
  sumBy(groupField: FieldPath, sumField: FieldPath, where?: readonly Condition[]): Promise<GroupSum[]>;
}
