import { Json } from '@cdp/event-model';

/**
 * The customers of one key (a segment, a consent, a product…) that fall in one bucket, sorted by id, each with a
 * value (null when the set needs none): the unit in which keyed sets are stored and read.
 */
export type IdBucket = { ids: string[]; values: Json[] };

export const emptyIdBucket = (): IdBucket => ({ ids: [], values: [] });

/** A customer's entry to put (with its value) or to remove (null). */
export type BucketChange = { customerId: string; value: Json } | { customerId: string; value: null; remove: true };

/** The bucket with the changes applied, ids kept sorted. Pure; applying the same changes twice gives the same bucket. */
export function applyBucketChanges(bucket: IdBucket, changes: readonly BucketChange[]): IdBucket {
  const entries = new Map<string, Json>();
  bucket.ids.forEach((id, index) => entries.set(id, bucket.values[index] ?? null));
  for (const change of changes) {
    if ('remove' in change) entries.delete(change.customerId);
    else entries.set(change.customerId, change.value);
  }
  const ids = [...entries.keys()].sort(compareIds);
  return { ids, values: ids.map((id) => entries.get(id) as Json) };
}

/** Code-unit order: the same in every JavaScript engine, and what a sorted array merge needs. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value of a customer in a sorted bucket (binary search), or undefined when absent. */
export function bucketValue(bucket: IdBucket, customerId: string): Json | undefined {
  let low = 0;
  let high = bucket.ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const id = bucket.ids[middle];
    if (id === customerId) return bucket.values[middle];
    if (id < customerId) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
