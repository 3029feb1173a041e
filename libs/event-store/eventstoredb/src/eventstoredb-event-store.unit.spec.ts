import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { DeadlineExceededError, WrongExpectedVersionError as ClientWrongExpectedVersionError } from '@eventstore/db-client';
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
import { RetriedAppendPositionUnknownError } from './retried-append-position-unknown-error';
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

/** grpc-js's error when the server resets the HTTP/2 stream. */
function rstStreamError(): Error {
  const details = 'Received RST_STREAM with code 2 (Internal server error)';
  return Object.assign(new Error(`13 INTERNAL: ${details}`), { code: status.INTERNAL, details, metadata: new Metadata() });
}

function stored(streamId: string, revision: number, logPosition: number): StoredRecord {
  return { event: newEvent(), streamId, revision: BigInt(revision), logPosition: BigInt(logPosition), created: new Date(0) };
}

/** The store over a client made of the fakes, plus spies for the unary calls. */
function storeOver(
  parts: { log?: StoredRecord[]; hidden?: (record: StoredRecord) => boolean; subscribe?: () => FakeServerCall } = {},
) {
  const reading = fakeReadingClient(parts.log ?? [], parts.hidden);
  const subscribing = fakeSubscribingClient(parts.subscribe ?? (() => new FakeServerCall()));
  const client = {
    ...reading.client,
    ...subscribing.client,
    appendToStream: jest.fn(),
    deleteStream: jest.fn().mockResolvedValue({}),
    tombstoneStream: jest.fn().mockResolvedValue({}),
    getStreamMetadata: jest.fn().mockResolvedValue({ streamName: 'any' }),
    setStreamMetadata: jest.fn().mockResolvedValue({ success: true, nextExpectedRevision: 0n }),
    dispose: jest.fn().mockResolvedValue(undefined),
  };
  const drops: { error: unknown; attempt: number }[] = [];
  const store = new EventStoreDbEventStore(client as unknown as EventStoreDBClient, {
    resubscribeBackoff: { initialDelayMs: 1, maxDelayMs: 1 },
    onDrop: (error, attempt) => drops.push({ error, attempt }),
  });
  return { store, client, subscribeCalls: subscribing.calls, readRequests: reading.requests, drops };
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

    it('resubscribes when the HTTP/2 stream breaks (gRPC INTERNAL), which the client reports as unknown', async () => {
      const [e1, e2] = [stored('customer-1', 0, 100), stored('customer-1', 1, 200)];
      const served: FakeServerCall[] = [];
      const { store, subscribeCalls, drops } = storeOver({
        subscribe: () => {
          const call = served.length === 0 ? new FakeServerCall().send(eventResponse(e1)) : new FakeServerCall().send(eventResponse(e2));
          served.push(call);
          return call;
        },
      });
      const subscription = store.subscribeToAll();
      const seen: string[] = [];
      for await (const message of subscription) {
        if (message.kind === 'event') seen.push(message.event.eventId);
        if (seen.length === 1) served[0].fail(rstStreamError());
        if (seen.length === 2) break;
      }
      expect(seen).toEqual([e1.event.eventId, e2.event.eventId]);
      expect(subscribeCalls.map((c) => c.fromPosition)).toEqual(['start', position(100n)]);
      expect(drops.map((d) => d.error)).toEqual([expect.any(EventStoreUnavailableError)]);
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

    describe('an idempotent retry that comes back without a position', () => {
      const log = [stored('customer-1', 0, 100), stored('customer-1', 1, 250), stored('customer-1', 2, 300), stored('orders-1', 0, 400)];
      const retried = [log[0].event, log[1].event];
      const retry = async (parts: Parameters<typeof storeOver>[0]) => {
        const { store, client, readRequests } = storeOver(parts);
        client.appendToStream.mockResolvedValue({ success: true, nextExpectedRevision: 1n, position: undefined });
        return { result: await store.appendToStream('customer-1', retried, { expectedRevision: 'no_stream' }).catch((e) => e), readRequests };
      };

      it('gets the position of its last event from the stream', async () => {
        const { result, readRequests } = await retry({ log });
        expect(result).toEqual({ nextExpectedRevision: 1, position: encodePosition(position(250n)) });
        expect(readRequests.map((r) => r.target)).toEqual(['customer-1']);
      });

      it('gets it from $all when the stream hides the event since (maxCount, truncateBefore, soft delete)', async () => {
        const truncated = await retry({ log, hidden: (record) => record.streamId === 'customer-1' && record.revision < 2n });
        expect(truncated.result).toEqual({ nextExpectedRevision: 1, position: encodePosition(position(250n)) });
        const softDeleted = await retry({ log, hidden: (record) => record.streamId === 'customer-1' });
        expect(softDeleted.result).toEqual({ nextExpectedRevision: 1, position: encodePosition(position(250n)) });
      });

      it('says the append is done but its position unknown when a scavenge removed the event', async () => {
        const { result } = await retry({ log: log.filter((record) => record !== log[1]), hidden: (record) => record.streamId === 'customer-1' });
        expect(result).toBeInstanceOf(RetriedAppendPositionUnknownError);
        expect(result).toMatchObject({ code: 'retried-append-position-unknown', streamId: 'customer-1', nextExpectedRevision: 1 });
      });
    });

    it('says that an append which timed out may have been written, and how to retry', async () => {
      const { store, client } = storeOver();
      client.appendToStream.mockRejectedValue(new DeadlineExceededError());
      const failure = await store.appendToStream('customer-1', [newEvent()], { expectedRevision: 4 }).catch((e) => e);
      expect(failure).toBeInstanceOf(EventStoreUnavailableError);
      expect(failure.message).toContain('did not confirm the append of customer-1 in time (deadline-exceeded): outcome unknown');
      expect(failure.message).toContain('the same event ids and the same expectedRevision');
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

  describe('stream metadata', () => {
    it('shows a soft-deleted stream as having none', async () => {
      const { store, client } = storeOver();
      client.getStreamMetadata.mockResolvedValue({ streamName: 'customer-1', metadata: { truncateBefore: 9223372036854775807 } });
      await expect(store.getStreamMetadata('customer-1')).resolves.toEqual({});
    });

    it('keeps the access control an operator set when the port sets its fields', async () => {
      const { store, client } = storeOver();
      client.getStreamMetadata.mockResolvedValue({
        streamName: 'customer-1',
        metadata: { maxCount: 3, acl: { readRoles: ['ops'] }, cacheControl: 30, owner: 'old' },
      });
      await store.setStreamMetadata('customer-1', { maxAge: 60, custom: { owner: 'crm' } });
      expect(client.setStreamMetadata).toHaveBeenCalledWith(
        'customer-1',
        { acl: { readRoles: ['ops'] }, cacheControl: 30, maxAge: 60, owner: 'crm' },
        { expectedRevision: 'any' },
      );
    });

    it('refuses custom keys EventStoreDB would take as settings, without calling the server', async () => {
      const { store, client } = storeOver();
      await expect(store.setStreamMetadata('customer-1', { custom: { acl: { readRoles: [] } } })).rejects.toThrow('"acl"');
      expect(client.setStreamMetadata).not.toHaveBeenCalled();
    });
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
