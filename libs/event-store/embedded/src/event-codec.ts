import { EventMetadata, RecordedEvent } from '@cdp/event-model';
import { InvalidEventStoreArgumentError } from '@cdp/event-store';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const positionPattern = /^\d{20}$/;

/** UUIDs are stored as 16 bytes: the id index stays small, which keeps appends fast. */
export function uuidToBytes(eventId: string): Buffer {
  if (!uuidPattern.test(eventId)) throw new InvalidEventStoreArgumentError(`eventId "${eventId}" is not a UUID`);
  return Buffer.from(eventId.replace(/-/g, ''), 'hex');
}

export function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Positions are the log's rowid, zero-padded so that string order is log order. */
export function encodePosition(rowid: number): string {
  return String(rowid).padStart(20, '0');
}

export function decodePosition(position: string): number {
  if (!positionPattern.test(position)) {
    throw new InvalidEventStoreArgumentError(`"${position}" is not a position of this event store`);
  }
  return Number(position);
}

/** The columns every read selects, in this order (rows are read as arrays: faster than objects). */
export const eventColumns = 'position, stream_key, revision, event_id, type, schema_version, recorded_at, data, metadata';

export type EventRow = [
  position: number,
  streamKey: number,
  revision: number,
  eventId: Buffer,
  type: string,
  schemaVersion: number,
  recordedAt: number,
  data: string,
  metadata: string,
];

/** A row of the global log: the event's columns and its stream's name. */
export type LogRow = [...EventRow, streamId: string];

export function decodeEvent(row: EventRow | LogRow, streamId: string): RecordedEvent {
  const metadata = JSON.parse(row[8]) as EventMetadata;
  metadata.recordedAt = new Date(row[6]).toISOString();
  return {
    eventId: bytesToUuid(row[3]),
    type: row[4],
    schemaVersion: row[5],
    streamId,
    revision: row[2],
    position: encodePosition(row[0]),
    data: JSON.parse(row[7]),
    metadata,
  };
}
