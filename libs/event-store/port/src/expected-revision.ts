/**
 * What the writer believes about the stream, as in EventStoreDB:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist (or be soft-deleted);
 * - `stream_exists`: the stream must have at least one event;
 * - a number: the revision of the stream's last event (revisions count from 0).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Deletes check the stream like appends do, but EventStoreDB has no `stream_exists` for them. */
export type DeleteExpectedRevision = Exclude<ExpectedRevision, 'stream_exists'>;

/** The state of a stream as a concurrency check sees it: its last revision, or `no_stream`. */
export type CurrentRevision = 'no_stream' | number;

export function describeRevision(revision: ExpectedRevision | CurrentRevision): string {
  return typeof revision === 'number' ? `revision ${revision}` : revision;
}
