import type { RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { NewEvent } from '@cdp/event-model';
import { appendSize, fromClientEvent, isSystemRecord, NotAnEnvelopeError, toEventData } from './envelope-codec';
import { encodePosition } from './position-codec';

const newEvent: NewEvent = {
  eventId: '0b6a3c7e-5d0f-4a51-9c3e-7a1f2b3c4d5e',
  type: 'ConsentWithdrawn',
  schemaVersion: 2,
  data: { channel: 'email', reason: 'asked', nested: { list: [1, 'two', null] } },
  metadata: {
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    causationId: 'c0ffee00-0000-4000-8000-000000000002',
    occurredAt: '2026-03-04T05:06:07.000Z',
    source: { service: 'ingest', topic: 'consents', partition: 3, offset: '99' },
    actor: { kind: 'user', id: 'u-1' },
  },
};

/** What the client hands back for an event written from `toEventData`: JSON parsed again, upper-case ids as some servers send. */
function asRecorded(overrides: Partial<ClientRecordedEvent> = {}): ClientRecordedEvent {
  const written = toEventData(newEvent);
  return {
    streamId: 'customer-42',
    id: written.id.toUpperCase(),
    isJson: true,
    revision: 7n,
    type: written.type,
    created: new Date('2026-03-04T05:06:08.123Z'),
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  } as ClientRecordedEvent;
}

describe('the envelope in EventStoreDB', () => {
  it('is written as a JSON event with our id, the correlation keys EventStoreDB knows, and the schema version', () => {
    expect(toEventData(newEvent)).toEqual({
      id: newEvent.eventId,
      contentType: 'application/json',
      type: 'ConsentWithdrawn',
      data: newEvent.data,
      metadata: {
        $correlationId: newEvent.metadata.correlationId,
        $causationId: newEvent.metadata.causationId,
        schemaVersion: 2,
        occurredAt: newEvent.metadata.occurredAt,
        source: newEvent.metadata.source,
        actor: newEvent.metadata.actor,
      },
    });
  });

  it('reads back as the same envelope, with a lower-case id, the position and recordedAt from the server', () => {
    expect(fromClientEvent(asRecorded())).toEqual({
      eventId: newEvent.eventId,
      type: newEvent.type,
      schemaVersion: 2,
      streamId: 'customer-42',
      revision: 7,
      position: encodePosition({ commit: 4096n, prepare: 4096n }),
      data: newEvent.data,
      metadata: { ...newEvent.metadata, recordedAt: '2026-03-04T05:06:08.123Z' },
    });
  });

  it('takes the commit position of the read when an older server sends no event position', () => {
    const event = fromClientEvent(asRecorded({ position: undefined }), 5000n);
    expect(event.position).toBe(encodePosition({ commit: 5000n, prepare: 5000n }));
  });

  it('leaves out metadata keys EventStoreDB adds for itself', () => {
    const recorded = asRecorded();
    (recorded.metadata as Record<string, unknown>).$causedBy = 'x';
    expect(fromClientEvent(recorded).metadata).not.toHaveProperty('$causedBy');
  });

  it.each([
    ['binary data', { isJson: false, data: new Uint8Array([1, 2]) }],
    ['metadata that is not JSON', { metadata: new Uint8Array([1]) }],
    ['no metadata', { metadata: undefined }],
    ['no correlation id', { metadata: { $causationId: 'c', schemaVersion: 1 } }],
    ['no schema version', { metadata: { $correlationId: 'c', $causationId: 'c' } }],
    ['no position at all', { position: undefined }],
  ])('refuses an event with %s', (_problem, overrides) => {
    expect(() => fromClientEvent(asRecorded(overrides as Partial<ClientRecordedEvent>))).toThrow(NotAnEnvelopeError);
  });

  it('names the stream, revision and position of an event another writer put there', () => {
    const failure = (() => {
      try {
        return fromClientEvent(asRecorded({ metadata: { written: 'elsewhere' } }));
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(NotAnEnvelopeError);
    const position = encodePosition({ commit: 4096n, prepare: 4096n });
    expect(failure).toMatchObject({ code: 'not-an-envelope', streamId: 'customer-42', revision: 7, position });
    const { message } = failure as Error;
    expect(message).toContain('stream customer-42');
    expect(message).toContain('revision 7');
    expect(message).toContain(`position ${position}`);
    expect(message).toContain('lacks $correlationId');
  });

  it('names the fallback position, or says it is unknown', () => {
    const withFallback = () => fromClientEvent(asRecorded({ position: undefined, isJson: false, data: new Uint8Array([1]) }), 5000n);
    expect(withFallback).toThrow(`position ${encodePosition({ commit: 5000n, prepare: 5000n })}`);
    expect(() => fromClientEvent(asRecorded({ position: undefined }))).toThrow('position unknown');
  });

  it('measures an append as the bytes of data, metadata and type', () => {
    const written = toEventData(newEvent);
    const expected =
      Buffer.byteLength(JSON.stringify(written.data)) +
      Buffer.byteLength(JSON.stringify(written.metadata)) +
      Buffer.byteLength(written.type);
    expect(appendSize([newEvent, newEvent])).toBe(2 * expected);
  });
});

describe('EventStoreDB records that never cross the port', () => {
  const user = { streamId: 'customer-1', type: 'CustomerRegistered', revision: 0n };

  it('are system types, system streams and tombstones', () => {
    expect(isSystemRecord(user)).toBe(false);
    expect(isSystemRecord({ ...user, type: '$metadata' })).toBe(true);
    expect(isSystemRecord({ ...user, type: '$>' })).toBe(true);
    expect(isSystemRecord({ ...user, streamId: '$$customer-1' })).toBe(true);
    expect(isSystemRecord({ ...user, streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemRecord({ ...user, revision: 9223372036854775807n })).toBe(true);
  });
});
