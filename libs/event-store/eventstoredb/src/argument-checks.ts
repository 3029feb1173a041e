import { InvalidEventStoreArgumentError } from '@cdp/event-store';
import type { NewEvent } from '@cdp/event-model';

// EventStoreDB parses event ids as Guids; anything else fails on the server with an unhelpful error.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A revision or a count from the caller: a non-negative safe integer, or the call is wrong. */
export function nonNegativeInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidEventStoreArgumentError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** `$` streams belong to EventStoreDB itself and never cross the port. */
export function checkStreamId(streamId: string): string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidEventStoreArgumentError('streamId must be a non-empty string');
  }
  if (streamId.startsWith('$')) {
    throw new InvalidEventStoreArgumentError(`"${streamId}" is a system stream name: stream ids may not start with $`);
  }
  return streamId;
}

export function checkNewEvents(streamId: string, events: readonly NewEvent[]): void {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventStoreArgumentError(`append to ${streamId} has no events: pass at least one`);
  }
  for (const event of events) {
    if (typeof event.eventId !== 'string' || !uuid.test(event.eventId)) {
      throw new InvalidEventStoreArgumentError(`eventId "${String(event.eventId)}" is not a UUID`);
    }
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidEventStoreArgumentError(
        `event type "${String(event.type)}" is not allowed: use a non-empty name that does not start with $`,
      );
    }
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidEventStoreArgumentError(`schemaVersion of ${event.type} must be a positive integer`);
    }
    if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
      throw new InvalidEventStoreArgumentError(`data of ${event.type} must be a JSON object`);
    }
  }
}
