import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError as ClientWrongExpectedVersionError } from '@eventstore/db-client';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { NewEvent } from '@cdp/event-model';
import {
  EventStoreUnavailableError,
  InvalidEventStoreArgumentError,
  SubscriptionMessage,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { connectEventStoreDb, EventStoreDbEventStore } from './eventstoredb-event-store';
import { encodePosition } from './position-codec';
import {
  caughtUpResponse,
  eventResponse,
  FakeServerCall,
  fakeReadingClient,
  fakeSubscribingClient,
  position,
  StoredRecord,
  unavailableServiceError,
} from './testing/grpc-fakes';

function newEvent(): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'InteractionRecorded',
    schemaVersion: 1,
    data: { note: 'x' },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-01-01T00:00:00.000Z',
      source: { service: 'test' },
      actor: { kind: 'system', id: 'test' },
    },
  };
}

function stored(streamId: string, revision: number, logPosition: number): StoredRecord {
  return { event: newEvent(), streamId, revision: BigInt(revision), logPosition: BigInt(logPosition), created: new Date(0) };
}

/** The store over a client made of the fakes, plus spies for the unary calls. */
function storeOver(parts: { log?: StoredRecord[]; subscribe?: () => FakeServerCall } = {}) {
  const reading = fakeReadingClient(parts.log ?? []);
  const subscribing = fakeSubscribingClient(parts.subscribe ?? (() => new FakeServerCall()));
  const client = {
    ...reading.client,
    ...subscribing.client,
    appendToStream: jest.fn(),
    deleteStream: jest.fn().mockResolvedValue({}),
    tombstoneStream: jest.fn().mockResolvedValue({}),
    dispose: jest.fn().mockResolvedValue(undefined),
  };
  const drops: { error: unknown; attempt: number }[] = [];
  const store = new EventStoreDbEventStore(client as unknown as EventStoreDBClient, {
    resubscribeBackoff: { initialDelayMs: 1, maxDelayMs: 1 },
    onDrop: (error, attempt) => drops.push({ error, attempt }),
  });
  return { store, client, subscribeCalls: subscribing.calls, drops };
}

describe('EventStoreDbEventStore', () => {
  describe('subscribeToAll', () => {
    it('resubscribes after the server drops it, from the last event delivered, and says so through onDrop', async () => {
      const [e1, e2, e3] = [stored('customer-1', 0, 100), stored('customer-1', 1, 200), stored('customer-2', 0, 300)];
      const calls = [
        () => new FakeServerCall().send(eventResponse(e1), eventResponse(e2)),
        () => new FakeServerCall().send(caughtUpResponse(), eventResponse(e3)),
      ];
      const served: FakeServerCall[] = [];
      const { store, subscribeCalls, drops } = storeOver({
        subscribe: () => {
          const call = calls[served.length]();
          served.push(call);
          return call;
        },
      });

      const subscription = store.subscribeToAll();
      const seen: SubscriptionMessage[] = [];
      for await (const message of subscription) {
        seen.push(message);
        // The server goes away once the consumer has the first two events.
        if (seen.length === 2) served[0].fail(unavailableServiceError());
        if (seen.length === 4) break;
      }

      expect(seen.map((m) => (m.kind === 'event' ? m.event.eventId : m.kind))).toEqual([
        e1.event.eventId,
        e2.event.eventId,
        'caughtUp',
        e3.event.eventId,
      ]);
      expect(seen[2]).toEqual({ kind: 'caughtUp', position: encodePosition(position(200n)) });
      expect(subscribeCalls.map((c) => c.fromPosition)).toEqual(['start', position(200n)]);
      expect(drops).toHaveLength(1);
      expect(drops[0].attempt).toBe(1);
      expect(drops[0].error).toBeInstanceOf(EventStoreUnavailableError);
      expect(served.every((call) => call.cancelled)).toBe(true);
      await store.close();
    });

    it('refuses a start position this store did not give out', () => {
      const { store } = storeOver();
      expect(() => store.subscribeToAll({ fromPosition: 'yesterday' })).toThrow(InvalidEventStoreArgumentError);
    });

    it('is closed, with the client, when the store closes', async () => {
      const { store, client, subscribeCalls } = storeOver();
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const waiting = iterator.next();
      await new Promise((resolve) => setImmediate(resolve));
      await store.close();
      await expect(waiting).resolves.toEqual({ value: undefined, done: true });
      expect(subscribeCalls[0].call.cancelled).toBe(true);
      expect(client.dispose).toHaveBeenCalledTimes(1);
    });
  });

  describe('appendToStream', () => {
    it('returns the revision as a number and the position as an opaque string', async () => {
      const { store, client } = storeOver();
      client.appendToStream.mockResolvedValue({ success: true, nextExpectedRevision: 4n, position: position(900n) });
      const events = [newEvent(), newEvent()];
      await expect(store.appendToStream('customer-1', events, { expectedRevision: 2 })).resolves.toEqual({
        nextExpectedRevision: 4,
        position: encodePosition(position(900n)),
      });
      const [streamId, sent, options] = client.appendToStream.mock.calls[0];
      expect(streamId).toBe('customer-1');
      expect(sent.map((e: { id: string }) => e.id)).toEqual(events.map((e) => e.eventId));
      expect(options).toEqual({ expectedRevision: 2n });
    });

    it('reads the position back when an idempotent retry comes without one', async () => {
      const log = [stored('customer-1', 0, 100), stored('customer-1', 1, 250)];
      const { store, client } = storeOver({ log });
      client.appendToStream.mockResolvedValue({ success: true, nextExpectedRevision: 1n, position: undefined });
      await expect(store.appendToStream('customer-1', [newEvent()], { expectedRevision: 'no_stream' })).resolves.toEqual({
        nextExpectedRevision: 1,
        position: encodePosition(position(250n)),
      });
    });

    it('describes a conflict from our expectation and the actual revision', async () => {
      const { store, client } = storeOver();
      client.appendToStream.mockRejectedValue(
        new ClientWrongExpectedVersionError(undefined, { streamName: 'customer-1', expected: 'stream_exists', current: 'no_stream' }),
      );
      const failure = await store.appendToStream('customer-1', [newEvent()], { expectedRevision: 'stream_exists' }).catch((e) => e);
      expect(failure).toBeInstanceOf(WrongExpectedVersionError);
      expect(failure).toMatchObject({ streamId: 'customer-1', expected: 'stream_exists', actual: 'no_stream' });
    });

    it.each([
      ['an empty batch', 'customer-1', []],
      ['a system stream', '$all', [newEvent()]],
      ['an id that is not a UUID', 'customer-1', [{ ...newEvent(), eventId: 'abc' }]],
      ['a system event type', 'customer-1', [{ ...newEvent(), type: '$metadata' }]],
    ])('refuses %s without calling the server', async (_case, streamId, events) => {
      const { store, client } = storeOver();
      await expect(store.appendToStream(streamId as string, events as NewEvent[])).rejects.toBeInstanceOf(
        InvalidEventStoreArgumentError,
      );
      expect(client.appendToStream).not.toHaveBeenCalled();
    });
  });

  it('refuses to read a system stream, when the read is iterated', async () => {
    const { store } = storeOver();
    const read = store.readStream('$users');
    await expect(read[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(InvalidEventStoreArgumentError);
  });

  describe('deleting with stream_exists, which the client cannot send', () => {
    it('expects the current last revision instead', async () => {
      const { store, client } = storeOver({ log: [stored('customer-1', 0, 100), stored('customer-1', 1, 200)] });
      await store.deleteStream('customer-1', { expectedRevision: 'stream_exists' });
      await store.tombstoneStream('customer-1', { expectedRevision: 'stream_exists' });
      expect(client.deleteStream).toHaveBeenCalledWith('customer-1', { expectedRevision: 1n });
      expect(client.tombstoneStream).toHaveBeenCalledWith('customer-1', { expectedRevision: 1n });
    });

    it('fails as a conflict when the stream has no events', async () => {
      const { store, client } = storeOver();
      await expect(store.deleteStream('customer-9', { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      expect(client.deleteStream).not.toHaveBeenCalled();
    });
  });

  describe('connectEventStoreDb', () => {
    it('refuses a client that would not throw on append failures', () => {
      expect(() => connectEventStoreDb('esdb://localhost:2113?tls=false&throwOnAppendFailure=false')).toThrow(
        InvalidEventStoreArgumentError,
      );
    });

    it('connects lazily: nothing is contacted until the first call', async () => {
      const store = connectEventStoreDb('esdb://localhost:2113?tls=false');
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
      await store.close();
    });
  });
});
