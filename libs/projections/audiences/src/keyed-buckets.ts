import { Json } from '@cdp/event-model';
import { applyBucketChanges, BucketChange, bucketCount, IdBucket } from '@cdp/segments';
import { ReadCollection, ReadDocument } from '@cdp/read-store';
import { BucketDocument, packBucket, unpackBucket } from './bucket-document';

export const bucketDocumentId = (key: string, bucket: number): string => `${key}#${String(bucket).padStart(3, '0')}`;

/** Changes to apply, by key, then by bucket. */
export type KeyedBucketChanges = Map<string, Map<number, BucketChange[]>>;

export function addBucketChange(changes: KeyedBucketChanges, key: string, bucket: number, change: BucketChange): void {
  let byBucket = changes.get(key);
  if (!byBucket) changes.set(key, (byBucket = new Map()));
  const list = byBucket.get(bucket);
  if (list) list.push(change);
  else byBucket.set(bucket, [change]);
}

const bucketsPerRead = 64;

/** A page cursor that is not one this store gave: the client must start again without it. */
export class InvalidBucketCursorError extends Error {
  readonly code = 'invalid-cursor';
  constructor(cursor: string) {
    super(`cursor "${cursor}" is not one this API gave: pass the nextCursor of the previous page, or none for the first page`);
  }
}

function parseBucketCursor(cursor: string): { bucket: number; id: string } {
  const colon = cursor.indexOf(':');
  const bucket = Number(cursor.slice(0, colon));
  if (colon < 1 || !Number.isInteger(bucket) || bucket < 0 || bucket >= bucketCount || colon === cursor.length - 1) throw new InvalidBucketCursorError(cursor);
  return { bucket, id: cursor.slice(colon + 1) };
}

/**
 * Sets of customers by key (a segment's members, the customers of a consent or a product…), each key in up to
 * `bucketCount` documents: a key of a million customers is read in a few hundred documents, which every store
 * (FerretDB included) reads in seconds. One writer per collection: the audiences worker.
 */
export class KeyedBuckets {
  constructor(private readonly collection: ReadCollection<BucketDocument>) {}

  /** Applies the changes (idempotent: set and remove), and returns the new size of each bucket written. */
  async apply(changes: KeyedBucketChanges, position: string): Promise<Map<string, Map<number, number>>> {
    const ids: string[] = [];
    for (const [key, byBucket] of changes) for (const bucket of byBucket.keys()) ids.push(bucketDocumentId(key, bucket));
    const sizes = new Map<string, Map<number, number>>();
    if (ids.length === 0) return sizes;
    const stored = await this.collection.getMany(ids);
    const written: ReadDocument<BucketDocument>[] = [];
    const emptied: string[] = [];
    for (const [key, byBucket] of changes) {
      const keySizes = new Map<number, number>();
      sizes.set(key, keySizes);
      for (const [bucket, bucketChanges] of byBucket) {
        const id = bucketDocumentId(key, bucket);
        const after = applyBucketChanges(unpackBucket(stored.get(id)?.body), bucketChanges);
        keySizes.set(bucket, after.ids.length);
        // A key's buckets hold its customers: an emptied one goes, so that the documents are the same however the changes were batched.
        if (after.ids.length === 0) emptied.push(id);
        else written.push({ id, position, body: packBucket(key, bucket, after) });
      }
    }
    if (written.length > 0) await this.collection.bulkReplace(written);
    if (emptied.length > 0) await this.collection.bulkDelete(emptied);
    return sizes;
  }

  /** The key's buckets in bucket order, from `fromBucket` on (missing ones are empty). */
  async *buckets(key: string, fromBucket = 0): AsyncIterable<IdBucket & { bucket: number }> {
    for (let first = fromBucket; first < bucketCount; first += bucketsPerRead) {
      const numbers = Array.from({ length: Math.min(bucketsPerRead, bucketCount - first) }, (_, offset) => first + offset);
      const found = await this.collection.getMany(numbers.map((bucket) => bucketDocumentId(key, bucket)));
      for (const bucket of numbers) yield { bucket, ...unpackBucket(found.get(bucketDocumentId(key, bucket))?.body) };
    }
  }

  /** One bucket of several keys: what an audience reads for the campaign's postings. */
  async bucketOfKeys(keys: readonly string[], bucket: number): Promise<IdBucket[]> {
    return (await this.bucketsOfKeys(keys, [bucket]))[0];
  }

  /** Several buckets of several keys in one read: for each bucket asked, the buckets of the keys, in the order given. */
  async bucketsOfKeys(keys: readonly string[], buckets: readonly number[]): Promise<IdBucket[][]> {
    const found = await this.collection.getMany(buckets.flatMap((bucket) => keys.map((key) => bucketDocumentId(key, bucket))));
    return buckets.map((bucket) => keys.map((key) => unpackBucket(found.get(bucketDocumentId(key, bucket))?.body)));
  }

  /** Writes whole buckets of keys nothing holds yet (a computed audience): inserted, with no read or delete first. */
  async insertNew(buckets: readonly (IdBucket & { key: string; bucket: number })[], position: string): Promise<void> {
    if (buckets.length === 0) return;
    await this.collection.insertNew(
      buckets.map(({ key, bucket, ...entries }) => ({ id: bucketDocumentId(key, bucket), position, body: packBucket(key, bucket, entries) })),
    );
  }

  /** Every entry of the key, bucket after bucket, each bucket in id order: constant memory whatever the size. */
  async *entries(key: string): AsyncIterable<{ id: string; value: Json }> {
    for await (const bucket of this.buckets(key)) {
      for (let index = 0; index < bucket.ids.length; index++) yield { id: bucket.ids[index], value: bucket.values[index] ?? null };
    }
  }

  /**
   * A page of the key's entries, in bucket order then id order, and the cursor of the next page (null: the last).
   * A cursor is `<bucket>:<last id>`: entries added or removed meanwhile shift nothing else.
   */
  async page(key: string, limit: number, cursor?: string): Promise<{ items: { id: string; value: Json }[]; nextCursor: string | null }> {
    const after = cursor === undefined ? undefined : parseBucketCursor(cursor);
    const items: { id: string; value: Json }[] = [];
    let last = { bucket: 0, id: '' };
    for await (const bucket of this.buckets(key, after?.bucket ?? 0)) {
      for (let index = 0; index < bucket.ids.length; index++) {
        const id = bucket.ids[index];
        if (after && bucket.bucket === after.bucket && id <= after.id) continue;
        if (items.length === limit) return { items, nextCursor: `${last.bucket}:${last.id}` };
        items.push({ id, value: bucket.values[index] ?? null });
        last = { bucket: bucket.bucket, id };
      }
    }
    return { items, nextCursor: null };
  }

  /** The size of each of the key's buckets (bucket number → customers). */
  async bucketSizes(key: string): Promise<Map<number, number>> {
    const groups = await this.collection.sumBy('bucket', 'count', [{ field: 'key', op: 'eq', value: key }]);
    return new Map(groups.map((group) => [group.value as number, group.sum]));
  }

  async size(key: string): Promise<number> {
    let total = 0;
    for (const size of (await this.bucketSizes(key)).values()) total += size;
    return total;
  }
}
