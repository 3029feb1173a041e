import { RecordedEvent } from '@cdp/event-model';

/**
 * The event's data has a shape the catalogue would not accept, so the projection cannot fold it:
 * the engine marks it as poison. The message names the field, never its value (it could be personal).
 */
export class UnfoldableEventError extends Error {
  readonly code = 'unfoldable-event';
  constructor(
    readonly projection: string,
    readonly event: Pick<RecordedEvent, 'eventId' | 'type' | 'schemaVersion' | 'streamId' | 'position'>,
    readonly problem: string,
  ) {
    super(
      `${projection} cannot fold ${event.type} v${event.schemaVersion} ${event.eventId} ` +
        `(stream ${event.streamId}, position ${event.position}): ${problem}`,
    );
  }
}
