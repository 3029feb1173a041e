import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { STREAM_NAME, EVENT_TYPE } from '@eventstore/db-client';
import type { NewEvent } from '@cdp/event-model';
import { openClientSubscription, serverFilter } from './client-subscription';
import { NotAnEnvelopeError } from './envelope-codec';
import { encodePosition } from './position-codec';
import { SourceMessage } from './resubscribing-subscription';
import {
  caughtUpResponse,
  checkpointResponse,
  eventResponse,
  FakeServerCall,
  fakeSubscribingClient,
  position,
  StoredRecord,
} from './testing/grpc-fakes';

function record(streamId: string, revision: number, logPosition: number, type = 'InteractionRecorded'): StoredRecord {
  const event: NewEvent = {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: { n: revision },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-01-02T03:04:05.000Z',
      source: { service: 'test' },
      actor: { kind: 'system', id: 'test' },
    },
  };
  return { event, streamId, revision: BigInt(revision), logPosition: BigInt(logPosition), created: new Date('2026-01-02T03:04:06.789Z') };
}

function describeMessage(message: SourceMessage): string {
  if (message.kind === 'event') return `event ${message.event.streamId}@${message.event.revision}`;
  if (message.kind === 'checkpoint') return `checkpoint ${message.position}`;
  return 'caughtUp';
}

describe('a client subscription to $all', () => {
  it('puts caughtUp and checkpoints in log order, after the events still buffered for a slow consumer', async () => {
    const call = new FakeServerCall();
    const { client } = fakeSubscribingClient(() => call);
    const source = openClientSubscription(client, 'start', { checkpointInterval: 1, bufferSize: 2 });
    // The server sends history, the switch to live, then more; the consumer has not read anything yet.
    call.send(
      ...[1, 2, 3, 4, 5].map((n) => eventResponse(record('customer-1', n - 1, n * 100))),
      checkpointResponse(500n),
      caughtUpResponse(),
      eventResponse(record('customer-1', 5, 600)),
      checkpointResponse(600n),
    );
    await nextTurn();

    const seen: string[] = [];
    for await (const message of source) {
      seen.push(describeMessage(message));
      await nextTurn();
      if (seen.length === 9) break;
    }
    await source.close();

    expect(seen).toEqual([
      'event customer-1@0',
      'event customer-1@1',
      'event customer-1@2',
      'event customer-1@3',
      'event customer-1@4',
      `checkpoint ${encodePosition(position(500n))}`,
      'caughtUp',
      'event customer-1@5',
      `checkpoint ${encodePosition(position(600n))}`,
    ]);
  });

  it('yields envelopes and leaves out EventStoreDB records and events the filter rejects', async () => {
    const call = new FakeServerCall();
    const { client, calls } = fakeSubscribingClient(() => call);
    const wanted = record('customer-7', 0, 100);
    const source = openClientSubscription(client, encodePosition(position(50n)), {
      filter: { on: 'streamName', prefixes: ['customer-'] },
      checkpointInterval: 4,
      bufferSize: 16,
    });
    call.send(
      eventResponse(record('$$customer-7', 0, 90, '$metadata')),
      eventResponse(wanted),
      eventResponse(record('customer-7', 2 ** 63 - 1, 110, '$streamDeleted')),
      eventResponse(record('campaign-1', 0, 120)),
      caughtUpResponse(),
    );

    const seen: SourceMessage[] = [];
    for await (const message of source) {
      seen.push(message);
      if (message.kind === 'caughtUp') break;
    }
    await source.close();

    expect(calls[0].fromPosition).toEqual(position(50n));
    expect(calls[0].filter).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['customer-'], checkpointInterval: 4 });
    expect(calls[0].highWaterMark).toBe(16);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({
      kind: 'event',
      event: {
        eventId: wanted.event.eventId,
        type: wanted.event.type,
        schemaVersion: 1,
        streamId: 'customer-7',
        revision: 0,
        position: encodePosition(position(100n)),
        data: wanted.event.data,
        metadata: { ...wanted.event.metadata, recordedAt: '2026-01-02T03:04:06.789Z' },
      },
    });
    expect(seen[1]).toEqual({ kind: 'caughtUp' });
  });

  it("decodes only what the filter accepts: another writer's events elsewhere do not end it", async () => {
    const call = new FakeServerCall();
    const { client } = fakeSubscribingClient(() => call);
    const source = openClientSubscription(client, 'start', {
      filter: { on: 'eventType', prefixes: ['Interaction'] },
      checkpointInterval: 1,
      bufferSize: 16,
    });
    const foreign = { ...record('legacy-1', 0, 100, 'LegacyThing'), foreignMetadata: 'not json at all' };
    const wanted = record('customer-1', 0, 200);
    call.send(eventResponse(foreign), eventResponse(wanted), caughtUpResponse());

    const seen: string[] = [];
    for await (const message of source) {
      seen.push(describeMessage(message));
      if (message.kind === 'caughtUp') break;
    }
    await source.close();
    expect(seen).toEqual(['event customer-1@0', 'caughtUp']);
  });

  it('fails, naming where it is, on an event the filter accepts that is not in the envelope', async () => {
    const call = new FakeServerCall();
    const { client } = fakeSubscribingClient(() => call);
    const source = openClientSubscription(client, 'start', { checkpointInterval: 1, bufferSize: 16 });
    call.send(eventResponse({ ...record('customer-9', 3, 700), foreignMetadata: '{"writtenBy":"legacy"}' }));

    const failure = await (async () => {
      for await (const message of source) void message;
    })().catch((error) => error);
    await source.close();
    expect(failure).toBeInstanceOf(NotAnEnvelopeError);
    expect(failure).toMatchObject({ streamId: 'customer-9', revision: 3, position: encodePosition(position(700n)) });
  });

  it('ends the gRPC call on close, even while the consumer waits for the next message', async () => {
    const call = new FakeServerCall();
    const { client } = fakeSubscribingClient(() => call);
    const source = openClientSubscription(client, 'start', { checkpointInterval: 1, bufferSize: 4 });
    const iterator = source[Symbol.asyncIterator]();
    const pending = iterator.next();
    await nextTurn();
    await source.close();
    // Whether the wait ends as "done" or as a premature close depends on stream timing; it must end.
    await expect(pending.then(() => 'ended', () => 'ended')).resolves.toBe('ended');
    expect(call.cancelled).toBe(true);
  });
});

describe('the server-side filter', () => {
  const extras = { checkpointInterval: 3 };

  it('excludes system events when the port has no filter, or one that matches nothing', () => {
    for (const filter of [undefined, { on: 'streamName' as const, prefixes: [] }]) {
      expect(serverFilter(filter, extras)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*', checkpointInterval: 3 });
    }
  });

  it('maps prefixes and regular expressions on stream names and event types', () => {
    expect(serverFilter({ on: 'streamName', prefixes: ['a-', 'b-'] }, extras)).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['a-', 'b-'],
    });
    expect(serverFilter({ on: 'eventType', regex: '^Order' }, extras)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^Order' });
  });
});
