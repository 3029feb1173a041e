import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@cdp/event-model';
import { InvalidEventStoreArgumentError, StreamNotFoundError } from '@cdp/event-store';
import { NotAnEnvelopeError } from './envelope-codec';
import { findEventPosition, findHeadPosition, readAllPaged, readStreamPaged } from './paged-reads';
import { encodePosition } from './position-codec';
import { fakeReadingClient, position, StoredRecord } from './testing/grpc-fakes';

function newEvent(type = 'InteractionRecorded'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
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

/** A log: `spec` lists [streamId, type?] per record; positions grow by 100, revisions count per stream. */
function logOf(spec: [string, string?][]): StoredRecord[] {
  const revisions = new Map<string, bigint>();
  return spec.map(([streamId, type], index) => {
    const revision = type === '$streamDeleted' ? 2n ** 63n - 1n : (revisions.get(streamId) ?? -1n) + 1n;
    if (type !== '$streamDeleted') revisions.set(streamId, revision);
    return { event: newEvent(type), streamId, revision, logPosition: BigInt((index + 1) * 100), created: new Date(0) };
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const idsOf = (events: RecordedEvent[]) => events.map((e) => e.eventId);
const idsIn = (records: StoredRecord[]) => records.map((r) => r.event.eventId);

describe('paged stream reads', () => {
  const log = logOf(Array.from({ length: 23 }, () => ['customer-1'] as [string]));

  it('read forwards and backwards across pages, never asking for more than a page', async () => {
    const { client, requests } = fakeReadingClient(log);
    expect(idsOf(await collect(readStreamPaged(client, 'customer-1', {}, 5)))).toEqual(idsIn(log));
    expect(idsOf(await collect(readStreamPaged(client, 'customer-1', { direction: 'backwards' }, 5)))).toEqual(
      idsIn(log).reverse(),
    );
    expect(Math.max(...requests.map((r) => r.maxCount))).toBe(5);
  });

  it('start at a revision, inclusive, and stop at maxCount', async () => {
    const { client, requests } = fakeReadingClient(log);
    const forwards = await collect(readStreamPaged(client, 'customer-1', { fromRevision: 4, maxCount: 7 }, 5));
    expect(forwards.map((e) => e.revision)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(requests.map((r) => r.maxCount)).toEqual([5, 2]);
    const backwards = await collect(readStreamPaged(client, 'customer-1', { fromRevision: 'end', direction: 'backwards', maxCount: 3 }, 5));
    expect(backwards.map((e) => e.revision)).toEqual([22, 21, 20]);
    const down = await collect(readStreamPaged(client, 'customer-1', { fromRevision: 6, direction: 'backwards' }, 3));
    expect(down.map((e) => e.revision)).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('end after the last revision without error', async () => {
    const { client } = fakeReadingClient(log);
    expect(await collect(readStreamPaged(client, 'customer-1', { fromRevision: 23 }, 5))).toEqual([]);
  });

  it('fail on first iteration with the port error for a missing stream', async () => {
    const { client } = fakeReadingClient(log);
    const failure = await collect(readStreamPaged(client, 'customer-2', {}, 5)).catch((error) => error);
    expect(failure).toBeInstanceOf(StreamNotFoundError);
    expect(failure).toMatchObject({ streamId: 'customer-2' });
  });

  it('refuse a negative revision or count', async () => {
    const { client } = fakeReadingClient(log);
    await expect(collect(readStreamPaged(client, 'customer-1', { fromRevision: -1 }, 5))).rejects.toBeInstanceOf(
      InvalidEventStoreArgumentError,
    );
    await expect(collect(readStreamPaged(client, 'customer-1', { maxCount: -2 }, 5))).rejects.toBeInstanceOf(
      InvalidEventStoreArgumentError,
    );
  });

  it('end the gRPC call when the consumer stops early', async () => {
    const { client, calls } = fakeReadingClient(log);
    for await (const event of readStreamPaged(client, 'customer-1', {}, 10)) {
      if (event.revision === 1) break;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0].cancelled).toBe(true);
  });
});

describe('paged reads of $all', () => {
  const log = logOf([
    ['$users', '$User'],
    ['customer-1'],
    ['customer-2'],
    ['$$customer-1', '$metadata'],
    ['customer-1'],
    ['campaign-1'],
    ['customer-2', '$streamDeleted'],
    ['customer-3'],
    ['$ce-customer', '$>'],
    ['customer-1'],
    ['customer-3'],
    ['campaign-1'],
  ]);
  const user = log.filter((r) => !r.streamId.startsWith('$') && !r.event.type.startsWith('$'));

  it('yield each user event once, in log order, across pages that overlap by one event', async () => {
    for (const pageSize of [1, 2, 3, 5, 50]) {
      const { client, requests } = fakeReadingClient(log);
      expect(idsOf(await collect(readAllPaged(client, {}, pageSize)))).toEqual(idsIn(user));
      expect(Math.max(...requests.map((r) => r.maxCount))).toBeLessThanOrEqual(pageSize + 1);
    }
  });

  it('start at a position, inclusive, and stop at maxCount', async () => {
    const { client } = fakeReadingClient(log);
    const from = encodePosition(position(user[2].logPosition));
    expect(idsOf(await collect(readAllPaged(client, { fromPosition: from, maxCount: 3 }, 2)))).toEqual(idsIn(user.slice(2, 5)));
  });

  it('filter on the client by stream name or event type', async () => {
    const { client } = fakeReadingClient(log);
    const customers = await collect(readAllPaged(client, { filter: { on: 'streamName', prefixes: ['customer-'] } }, 2));
    expect(customers.map((e) => e.streamId)).toEqual(['customer-1', 'customer-2', 'customer-1', 'customer-3', 'customer-1', 'customer-3']);
    const campaigns = await collect(readAllPaged(client, { filter: { on: 'streamName', regex: '^campaign-' }, maxCount: 1 }, 2));
    expect(campaigns.map((e) => e.streamId)).toEqual(['campaign-1']);
  });

  it("decode only what the filter accepts: another writer's events elsewhere do not fail the read", async () => {
    const log = logOf([['customer-1'], ['legacy-1'], ['customer-1']]);
    log[1].foreignMetadata = '{"writtenBy":"legacy"}';
    const { client } = fakeReadingClient(log);
    const read = await collect(readAllPaged(client, { filter: { on: 'streamName', prefixes: ['customer-'] } }, 2));
    expect(idsOf(read)).toEqual(idsIn([log[0], log[2]]));
  });

  it('fail loudly on an event the filter accepts that is not in the envelope, naming where it is', async () => {
    const log = logOf([['customer-1'], ['customer-2']]);
    log[1].foreignMetadata = '{"writtenBy":"legacy"}';
    const { client } = fakeReadingClient(log);
    const failure = await collect(readAllPaged(client, { filter: { on: 'streamName', prefixes: ['customer-'] } }, 5)).catch(
      (error) => error,
    );
    expect(failure).toBeInstanceOf(NotAnEnvelopeError);
    expect(failure).toMatchObject({ streamId: 'customer-2', revision: 0, position: encodePosition(position(200n)) });
  });

  it('refuse a position this store did not give out', async () => {
    const { client } = fakeReadingClient(log);
    await expect(collect(readAllPaged(client, { fromPosition: '42' }, 2))).rejects.toBeInstanceOf(InvalidEventStoreArgumentError);
  });
});

describe('the head position', () => {
  it('is the last user event, found past EventStoreDB records across pages', async () => {
    const log = logOf([['customer-1'], ['customer-1'], ['$$customer-1', '$metadata'], ['customer-1', '$streamDeleted'], ['$ce-customer', '$>'], ['$stats', '$statistics-collected']]);
    const { client, requests } = fakeReadingClient(log);
    expect(await findHeadPosition(client, 2)).toBe(encodePosition(position(log[1].logPosition)));
    expect(requests.map((r) => r.direction)).toEqual(['backwards', 'backwards', 'backwards']);
  });

  it('is null when the log holds no user event', async () => {
    const { client } = fakeReadingClient(logOf([['$users', '$User'], ['$$customer-1', '$metadata'], ['$stats', '$statistics-collected']]));
    expect(await findHeadPosition(client, 2)).toBeNull();
    expect(await findHeadPosition(fakeReadingClient([]).client, 2)).toBeNull();
  });
});

describe('the position of an event already written', () => {
  const log = logOf([['customer-1'], ['customer-2'], ['customer-1'], ['$$customer-1', '$metadata'], ['customer-1'], ['customer-3']]);
  const target = log[2];
  const written = { streamId: 'customer-1', revision: 1n, eventId: target.event.eventId };
  const at = position(target.logPosition);

  it('comes from the stream while the stream shows the event, without reading $all', async () => {
    const { client, requests } = fakeReadingClient(log);
    expect(await findEventPosition(client, written, 2, 100)).toEqual(at);
    expect(requests.map((r) => r.target)).toEqual(['customer-1']);
  });

  it('comes from $all when the stream has truncated it away (the stream answers with a later event)', async () => {
    const { client, requests } = fakeReadingClient(log, (record) => record.streamId === 'customer-1' && record.revision < 2n);
    expect(await findEventPosition(client, written, 2, 100)).toEqual(at);
    expect(requests.map((r) => r.target)).toEqual(['customer-1', '$all', '$all']);
  });

  it('comes from $all when the stream is soft-deleted', async () => {
    const { client } = fakeReadingClient(log, (record) => record.streamId === 'customer-1');
    expect(await findEventPosition(client, written, 2, 100)).toEqual(at);
  });

  it('is unknown when the event is further back in $all than the scan may look, or gone', async () => {
    const hideAll = (record: StoredRecord) => record.streamId === 'customer-1';
    const bounded = fakeReadingClient(log, hideAll);
    expect(await findEventPosition(bounded.client, written, 2, 3)).toBeUndefined();
    expect(bounded.requests.filter((r) => r.target === '$all').map((r) => r.maxCount)).toEqual([2, 1]);
    const gone = fakeReadingClient(log.filter((record) => record !== target), hideAll);
    expect(await findEventPosition(gone.client, written, 2, 100)).toBeUndefined();
  });

  it('is not confused with another event at the same revision', async () => {
    const { client } = fakeReadingClient(log, (record) => record.streamId === 'customer-1');
    expect(await findEventPosition(client, { ...written, eventId: log[0].event.eventId }, 2, 100)).toBeUndefined();
  });
});
