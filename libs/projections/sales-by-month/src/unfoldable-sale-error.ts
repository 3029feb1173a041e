import { RecordedEvent } from '@cdp/event-model';

/**
 * The event's data has a shape the catalogue would not accept, so sales-by-month cannot place or fold it: the
 * engine marks it as poison. The message names the field, never its value.
 */
export class UnfoldableSaleError extends Error {
  readonly code = 'unfoldable-event';
  constructor(
    readonly event: Pick<RecordedEvent, 'eventId' | 'type' | 'schemaVersion' | 'streamId' | 'position'>,
    readonly problem: string,
  ) {
    super(
      `sales-by-month cannot fold ${event.type} v${event.schemaVersion} ${event.eventId} ` +
        `(stream ${event.streamId}, position ${event.position}): ${problem}`,
    );
  }
}
