import { jsonEvent } from '@eventstore/db-client';
import type { EventData, Position as ClientPosition, RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '@cdp/event-model';
import { encodePosition } from './position-codec';

// EventStoreDB's own metadata keys: its projections ($by_correlation_id) and UI understand them.
const correlationIdKey = '$correlationId';
const causationIdKey = '$causationId';
// The revision EventStoreDB gives a tombstone record ($streamDeleted) in the deleted stream.
const tombstoneRevision = 2n ** 63n - 1n;

/** The event's metadata as stored: ESDB's correlation keys, the schema version, then our own fields. */
export function encodeMetadata(event: NewEvent): JsonObject {
  const { correlationId, causationId, ...rest } = event.metadata;
  return {
    ...(rest as unknown as JsonObject),
    [correlationIdKey]: correlationId,
    [causationIdKey]: causationId,
    schemaVersion: event.schemaVersion,
  };
}

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: encodeMetadata(event) });
}

/** Bytes of data, metadata and type: close to the server's own measure against MaxAppendSize. */
export function appendSize(events: readonly NewEvent[]): number {
  return events.reduce(
    (total, event) =>
      total +
      Buffer.byteLength(JSON.stringify(event.data)) +
      Buffer.byteLength(JSON.stringify(encodeMetadata(event))) +
      Buffer.byteLength(event.type),
    0,
  );
}

/** EventStoreDB's own records in $all: system streams and types, and tombstones. None of them cross the port. */
export function isSystemRecord(event: Pick<ClientRecordedEvent, 'streamId' | 'type' | 'revision'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$') || event.revision === tombstoneRevision;
}

/** An event this store did not write in the platform's envelope. */
export class NotAnEnvelopeError extends Error {
  readonly code = 'not-an-envelope';
  constructor(event: Pick<ClientRecordedEvent, 'id' | 'streamId' | 'revision'>, problem: string) {
    super(`event ${event.id} at ${event.streamId}@${event.revision} is not a platform event: ${problem}`);
  }
}

/**
 * The envelope from a recorded event. `fallbackPosition` serves servers before 22.6, which give
 * stream reads no event position (gRPC-written events have commit == prepare).
 */
export function fromClientEvent(event: ClientRecordedEvent, fallbackCommit?: bigint): RecordedEvent {
  const position: ClientPosition | undefined =
    event.position ?? (fallbackCommit === undefined ? undefined : { commit: fallbackCommit, prepare: fallbackCommit });
  if (!position) throw new NotAnEnvelopeError(event, 'the server reported no log position');
  if (!event.isJson || !isObject(event.data)) throw new NotAnEnvelopeError(event, 'data is not a JSON object');
  if (!isObject(event.metadata)) throw new NotAnEnvelopeError(event, 'metadata is not a JSON object');
  const { [correlationIdKey]: correlationId, [causationIdKey]: causationId, schemaVersion, ...stored } = event.metadata;
  if (typeof correlationId !== 'string' || typeof causationId !== 'string') {
    throw new NotAnEnvelopeError(event, `metadata lacks ${correlationIdKey} or ${causationIdKey}`);
  }
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion)) {
    throw new NotAnEnvelopeError(event, 'metadata lacks schemaVersion');
  }
  const ours = Object.fromEntries(Object.entries(stored).filter(([key]) => !key.startsWith('$')));
  const metadata = { ...ours, correlationId, causationId, recordedAt: event.created.toISOString() } as EventMetadata;
  return {
    eventId: event.id.toLowerCase(),
    type: event.type,
    schemaVersion,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: encodePosition(position),
    data: event.data as JsonObject,
    metadata,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
