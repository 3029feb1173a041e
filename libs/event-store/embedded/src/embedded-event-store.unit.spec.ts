import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, RecordedEvent } from '@cdp/event-model';
import { WrongExpectedVersionError } from '@cdp/event-store';
import { EmbeddedEventStore, openEmbeddedEventStore } from './embedded-event-store';
import { EventStoreLockedError } from './writer-lock';

const event = (): NewEvent => ({
  eventId: randomUUID(),
  type: 'InteractionRecorded',
  schemaVersion: 1,
  data: { channel: 'web', direction: 'inbound', kind: 'page-viewed' },
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: { service: 'test' },
    actor: { kind: 'system', id: 'test' },
  },
});

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('the embedded event store', () => {
  let dataDir: string;
  const opened: EmbeddedEventStore[] = [];
  const open = (options: Partial<Parameters<typeof openEmbeddedEventStore>[0]> = {}) => {
    const store = openEmbeddedEventStore({ dataDir, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-embedded-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what it acknowledged across a close and a reopen', async () => {
    const first = open();
    const written = [event(), event()];
    const result = await first.appendToStream('customer-1', written);
    await first.close();
    const second = open();
    const read = await all(second.readStream('customer-1'));
    expect(read.map((e) => e.eventId)).toEqual(written.map((e) => e.eventId));
    expect(await second.headPosition()).toBe(result.position);
  });

  it('admits one writer per data folder, with a message naming the holder', async () => {
    open();
    expect(() => open()).toThrow(EventStoreLockedError);
    expect(() => open()).toThrow(`already open for writing by process ${process.pid}`);
  });

  it('is not fooled by the pid file of a writer that died without closing (kill -9)', async () => {
    writeFileSync(join(dataDir, 'writer.pid'), '999999999');
    const store = open();
    await expect(store.appendToStream('customer-1', [event()])).resolves.toMatchObject({ nextExpectedRevision: 0 });
  });

  it('serves readers beside the writer; their live subscriptions see the writer’s appends', async () => {
    const writer = open();
    await writer.appendToStream('customer-1', [event()]);
    const reader = open({ readOnly: true, pollIntervalMs: 10 });
    const subscription = reader.subscribeToAll();
    const later = [event(), event()];
    const seen: RecordedEvent[] = [];
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') await writer.appendToStream('customer-2', later);
      if (message.kind === 'event') seen.push(message.event);
      if (seen.length === 3) break;
    }
    await subscription.close();
    expect(seen.slice(1).map((e) => e.eventId)).toEqual(later.map((e) => e.eventId));
    await expect(reader.appendToStream('customer-3', [event()])).rejects.toThrow('read-only');
  });

  it('commits appends that arrive together in one transaction, refusing only the conflicting one', async () => {
    const store = open();
    await store.appendToStream('customer-1', [event()]);
    const results = await Promise.allSettled([
      store.appendToStream('customer-1', [event()], { expectedRevision: 0 }),
      store.appendToStream('customer-1', [event()], { expectedRevision: 0 }),
      store.appendToStream('customer-2', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(await all(store.readStream('customer-1'))).toHaveLength(2);
    expect(await all(store.readStream('customer-2'))).toHaveLength(1);
  });

  it('fails a read in progress when the store closes, rather than ending it as if complete', async () => {
    const store = openEmbeddedEventStore({ dataDir, pageSize: 10 });
    await store.appendToStream('customer-1', Array.from({ length: 50 }, event));
    const read: RecordedEvent[] = [];
    const reading = (async () => {
      for await (const e of store.readStream('customer-1')) {
        read.push(e);
        if (read.length === 10) await store.close();
      }
    })();
    await expect(reading).rejects.toThrow('closed');
    expect(read).toHaveLength(10);
  });

  it('refuses appends once closing started, and acknowledges those already queued', async () => {
    const store = openEmbeddedEventStore({ dataDir });
    const queued = store.appendToStream('customer-1', [event()]);
    const closing = store.close();
    await expect(store.appendToStream('customer-1', [event()])).rejects.toThrow('clos');
    await expect(queued).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await closing;
  });

  it('lets another soft-delete through with no_stream, as EventStoreDB does', async () => {
    const store = open();
    await store.appendToStream('customer-1', [event()]);
    await store.deleteStream('customer-1');
    await expect(store.deleteStream('customer-1', { expectedRevision: 'no_stream' })).resolves.toBeUndefined();
  });

  it('applies max-age with its own clock', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const store = open({ now: () => now });
    await store.appendToStream('customer-1', [event()]);
    now += 60_000;
    const fresh = event();
    await store.appendToStream('customer-1', [fresh]);
    await store.setStreamMetadata('customer-1', { maxAge: 30 });
    expect((await all(store.readStream('customer-1'))).map((e) => e.eventId)).toEqual([fresh.eventId]);
  });

  it('rejects ids that are not UUIDs and system ($) streams, naming what is wrong', async () => {
    const store = open();
    await expect(store.appendToStream('customer-1', [{ ...event(), eventId: 'abc' }])).rejects.toThrow('"abc" is not a UUID');
    await expect(store.appendToStream('$all', [event()])).rejects.toThrow('reserved');
  });
});

describe('a fresh machine', () => {
  it('creates the data folder, nested, on first open', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cdp-fresh-'));
    const store = openEmbeddedEventStore({ dataDir: join(root, 'not', 'yet', 'there') });
    await expect(store.appendToStream('customer-1', [event()])).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });
});
