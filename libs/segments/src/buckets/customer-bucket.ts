/** Customers are spread over this many buckets by a hash of their id: a set of a million is 256 documents of ~4,000. */
export const bucketCount = 256;

/** The bucket of a customer: FNV-1a of the id, stable across processes, versions and stores. */
export function bucketOf(customerId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) {
    hash ^= customerId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % bucketCount;
}
