/**
 * The lowest revision a stream read may return, as EventStoreDB computes it:
 * events below truncate-before, beyond max-count, are hidden from stream reads at once.
 * (max-age depends on each event's time and is applied per row.)
 */
export function firstVisibleRevision(
  lastRevision: number,
  metadata: { truncateBefore: number | null; maxCount: number | null },
): number {
  let first = 0;
  if (metadata.truncateBefore !== null) first = Math.max(first, metadata.truncateBefore);
  if (metadata.maxCount !== null) first = Math.max(first, lastRevision - metadata.maxCount + 1);
  return first;
}

/** Events recorded before this instant are hidden by max-age (seconds), or nothing is when unset. */
export function oldestVisibleTime(maxAgeSeconds: number | null, now: number): number {
  return maxAgeSeconds === null ? -Infinity : now - maxAgeSeconds * 1000;
}
