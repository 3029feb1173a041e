/**
 * EventStoreDB's stream metadata. Events hidden by `truncateBefore`, `maxAge` or `maxCount`
 * disappear from stream reads at once; they stay in the global log until a scavenge.
 */
export interface StreamMetadata {
  /** Events with a lower revision are no longer readable from the stream. */
  truncateBefore?: number;
  /** Seconds: older events are no longer readable from the stream. */
  maxAge?: number;
  /** Only the last `maxCount` events are readable from the stream. */
  maxCount?: number;
  /** Application keys, kept as given. */
  custom?: Record<string, unknown>;
}
