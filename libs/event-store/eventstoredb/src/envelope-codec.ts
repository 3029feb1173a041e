import { jsonEvent } from '@eventstore/db-client';
import type { EventData, Position as ClientPosition, RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '@cdp/event-model';
import type { Position } from '@cdp/event-store';
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

/**
 * An event in a user stream that is not in the platform's envelope: some other writer put it there.
 * Reads fail loudly on it rather than skip it, and the message says where it sits so it can be found.
 */
export class NotAnEnvelopeError extends Error {
  readonly code = 'not-an-envelope';
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position | undefined;
  constructor(event: Pick<ClientRecordedEvent, 'id' | 'streamId' | 'revision'>, position: ClientPosition | undefined, problem: string) {
    const at = position ? encodePosition(position) : 'unknown';
    super(
      `event ${event.id} in stream ${event.streamId} at revision ${event.revision} (position ${at}) ` +
        `is not a platform event, so it was not written through this store: ${problem}`,
    );
    this.streamId = event.streamId;
    this.revision = Number(event.revision);
    this.position = position ? encodePosition(position) : undefined;
  }
}

/**
 * The envelope from a recorded event. `fallbackCommit` serves servers before 22.6, which give
 * stream reads no event position (gRPC-written events have commit == prepare).
 */
export function fromClientEvent(event: ClientRecordedEvent, fallbackCommit?: bigint): RecordedEvent {
  const position: ClientPosition | undefined =
    event.position ?? (fallbackCommit === undefined ? undefined : { commit: fallbackCommit, prepare: fallbackCommit });
  const refuse = (problem: string) => new NotAnEnvelopeError(event, position, problem);
  if (!position) throw refuse('the server reported no log position');
  if (!event.isJson || !isObject(event.data)) throw refuse('data is not a JSON object');
  if (!isObject(event.metadata)) throw refuse('metadata is not a JSON object');
  const { [correlationIdKey]: correlationId, [causationIdKey]: causationId, schemaVersion, ...stored } = event.metadata;
  if (typeof correlationId !== 'string' || typeof causationId !== 'string') {
    throw refuse(`metadata lacks ${correlationIdKey} or ${causationIdKey}`);
  }
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion)) {
    throw refuse('metadata lacks schemaVersion');
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
