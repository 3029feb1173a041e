import { EventStoreError } from '@cdp/event-store';

/**
 * An append that EventStoreDB answered as an idempotent retry (the events were already written),
 * without the log position, whose last event can no longer be found: its stream hides it (maxCount,
 * truncateBefore, soft delete) and it is not among the newest records of $all, or a scavenge removed it.
 * The append did succeed: retrying it gives this error again.
 */
export class RetriedAppendPositionUnknownError extends EventStoreError {
  readonly code = 'retried-append-position-unknown';
  constructor(
    readonly streamId: string,
    readonly nextExpectedRevision: number,
    scanned: number,
  ) {
    super(
      `the append to ${streamId} was already written (revision ${nextExpectedRevision}), but EventStoreDB gave no ` +
        `position and the event is no longer readable from its stream nor among the newest ${scanned} records of $all: ` +
        'treat the append as done, without a position',
    );
  }
}
