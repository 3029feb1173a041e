import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, EventStoreUnavailableError, Subscription, SubscriptionMessage } from '@cdp/event-store';
// The tests run the engine on the real embedded store; the engine itself imports no adapter.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { JsonObject, RecordedEvent } from '@cdp/event-model';
import { CollectionDefinition, ReadCollection } from '@cdp/read-store';
import { ProjectionDefinition } from './projection-definition';
import { ProjectionWorker, ProjectionWorkerOptions } from './projection-worker';
import { eventually } from './testing/eventually';
import { InMemoryReadStore } from './testing/in-memory-read-store';
import { appendFacts, Basket, bought, customerBaskets, joined, left, newShopEvent, noise, skuSales } from './testing/shop';

describe('a projection worker', () => {
  let dataDir: string;
  let eventStore: EmbeddedEventStore;
  let readStore: InMemoryReadStore;
  const workers: ProjectionWorker[] = [];

  const worker = (options: Partial<ProjectionWorkerOptions> = {}) => {
    const created = new ProjectionWorker({
      eventStore,
      readStore,
      projections: [customerBaskets, skuSales()],
      retry: { initialDelayMs: 5, maxDelayMs: 20 },
      ...options,
    });
    workers.push(created);
    return created;
  };
  const baskets = () => readStore.documents('customer_baskets_v1');
  const sales = () => readStore.documents('sku_sales_v1');
  const checkpoint = async (name: string) => (await readStore.loadCheckpoint(name))!;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-projections-'));
    eventStore = openEmbeddedEventStore({ dataDir, durability: 'normal' });
    readStore = new InMemoryReadStore();
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await eventStore.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('catches up from the first event, then follows what is appended live', async () => {
    const positions = await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10, 'mug'), joined('c2', 'Grace')]);
    const running = worker();
    await running.start();
    await running.waitUntilCaughtUp();
    expect(baskets()).toEqual([
      { id: 'c1', position: positions[1], body: { name: 'Ada', items: 1, total: 10 } },
      { id: 'c2', position: positions[2], body: { name: 'Grace', items: 0, total: 0 } },
    ]);

    const [later] = await appendFacts(eventStore, [bought('c2', 4, 'pen')]);
    await running.waitUntilCaughtUp(later);
    expect(baskets()[1]).toEqual({ id: 'c2', position: later, body: { name: 'Grace', items: 1, total: 4 } });
    expect(sales()).toEqual([
      { id: 'mug', position: positions[1], body: { sold: 1, revenue: 10 } },
      { id: 'pen', position: later, body: { sold: 1, revenue: 4 } },
    ]);
    const statuses = await running.statuses();
    expect(statuses.map(({ name, state, collection, version }) => ({ name, state, collection, version }))).toEqual([
      { name: 'customer-baskets', state: 'running', collection: 'customer_baskets_v1', version: 1 },
      { name: 'sku-sales', state: 'running', collection: 'sku_sales_v1', version: 1 },
    ]);
  });

  it('keeps a checkpoint per projection: its own position and the count of its own event types', async () => {
    const positions = await appendFacts(eventStore, [
      joined('c1', 'Ada'),
      bought('c1', 10, 'mug'),
      bought('c1', 5, 'pen'),
      noise('c1'),
      joined('c2', 'Grace'),
    ]);
    const running = worker();
    await running.start();
    await running.waitUntilCaughtUp();
    await running.stop();

    const basketsCheckpoint = await checkpoint('customer-baskets');
    const salesCheckpoint = await checkpoint('sku-sales');
    expect(basketsCheckpoint).toMatchObject({ position: positions[4], eventsApplied: 4, state: 'stopped' });
    expect(salesCheckpoint).toMatchObject({ eventsApplied: 2, state: 'stopped' });
    // Its last event is at positions[2]; what the subscription examined beyond it counts as done, up to the head at most.
    expect(salesCheckpoint.position! >= positions[2] && salesCheckpoint.position! <= positions[4]).toBe(true);
  });

  it('makes an event appended live visible without waiting for more events or a full batch', async () => {
    const running = worker({ maxBatchEvents: 1_000, maxBatchDelayMs: 5 });
    await running.start();
    await eventually('both projections running', async () => (await running.statuses()).every((s) => s.state === 'running'));
    await appendFacts(eventStore, [joined('c9', 'Edsger')]);
    await eventually('the live event in the read model', () => baskets().length === 1, 2_000);
    expect(baskets()[0].body).toEqual({ name: 'Edsger', items: 0, total: 0 });
  });

  it('ignores an event that belongs to no document, yet counts it and moves past it', async () => {
    const positions = await appendFacts(eventStore, [bought('c1', 10), bought('c1', 3, 'mug'), bought('c1', 2)]);
    const running = worker();
    await running.start();
    await running.waitUntilCaughtUp();
    expect(sales()).toEqual([{ id: 'mug', position: positions[1], body: { sold: 1, revenue: 3 } }]);
    expect(await checkpoint('sku-sales')).toMatchObject({ position: positions[2], eventsApplied: 3 });
  });

  it('deletes the document when evolve returns null, and starts afresh when the customer comes back', async () => {
    const running = worker();
    await running.start();
    await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10), joined('c2', 'Grace')]);
    await running.waitUntilCaughtUp();
    await appendFacts(eventStore, [left('c1')]);
    await running.waitUntilCaughtUp();
    expect(baskets().map((d) => d.id)).toEqual(['c2']);

    const [back] = await appendFacts(eventStore, [joined('c1', 'Ada')]);
    await running.waitUntilCaughtUp();
    expect(baskets()[0]).toEqual({ id: 'c1', position: back, body: { name: 'Ada', items: 0, total: 0 } });
  });

  it('re-delivers without changing anything: from scratch or from an older checkpoint, same documents and counts', async () => {
    const positions = await appendFacts(eventStore, [
      joined('c1', 'Ada'),
      bought('c1', 10, 'mug'),
      left('c1'),
      joined('c2', 'Grace'),
      bought('c2', 4, 'mug'),
      bought('c2', 6),
    ]);
    const first = worker();
    await first.start();
    await first.waitUntilCaughtUp();
    await first.stop();
    const documents = { baskets: baskets(), sales: sales() };
    const counts = { baskets: (await checkpoint('customer-baskets')).eventsApplied, sales: (await checkpoint('sku-sales')).eventsApplied };
    expect(counts).toEqual({ baskets: 6, sales: 3 });

    // eventsApplied counts the events of the projection's types up to its checkpoint: rewound with it.
    for (const rewind of [
      { position: null, baskets: 0, sales: 0 },
      { position: positions[1], baskets: 2, sales: 1 },
      { position: positions[4], baskets: 5, sales: 2 },
    ]) {
      for (const [name, eventsApplied] of [['customer-baskets', rewind.baskets], ['sku-sales', rewind.sales]] as const) {
        await readStore.saveCheckpoint({ ...(await checkpoint(name)), position: rewind.position, eventsApplied });
      }
      const again = worker();
      await again.start();
      await again.waitUntilCaughtUp();
      await again.stop();
      // Buying is not idempotent (items + 1): only the per-document position guard keeps the documents equal.
      expect({ baskets: baskets(), sales: sales() }).toEqual(documents);
      expect((await checkpoint('customer-baskets')).eventsApplied).toBe(counts.baskets);
      expect((await checkpoint('sku-sales')).eventsApplied).toBe(counts.sales);
    }
  });

  it('saves a stopped checkpoint on stop (twice is harmless) and resumes from it on the next start', async () => {
    await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10)]);
    const first = worker();
    await first.start();
    await first.waitUntilCaughtUp();
    await first.stop();
    await first.stop();
    expect((await readStore.listCheckpoints()).map((c) => c.state)).toEqual(['stopped', 'stopped']);
    expect((await first.statuses()).map((s) => s.state)).toEqual(['stopped', 'stopped']);

    await appendFacts(eventStore, [bought('c1', 5)]);
    const second = worker();
    await second.start();
    await second.waitUntilCaughtUp();
    expect(baskets()[0].body).toEqual({ name: 'Ada', items: 2, total: 15 });
    expect(await checkpoint('customer-baskets')).toMatchObject({ eventsApplied: 3, state: 'running' });
  });

  it('reports, where it is not started, the state that the worker running elsewhere saved (an API beside a projector)', async () => {
    await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10)]);
    const projector = worker();
    const api = worker();
    expect((await api.statuses()).map((s) => s.state)).toEqual(['stopped', 'stopped']);
    await projector.start();
    await projector.waitUntilCaughtUp();
    expect((await api.statuses()).map((s) => ({ state: s.state, eventsApplied: s.eventsApplied }))).toEqual([
      { state: 'running', eventsApplied: 2 },
      { state: 'running', eventsApplied: 1 },
    ]);
    await projector.stop();
    expect((await api.statuses()).map((s) => s.state)).toEqual(['stopped', 'stopped']);
  });

  it('rebuilds from the first event when a new version brings a new collection (or the collection was dropped)', async () => {
    await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10), bought('c1', 5)]);
    const first = worker({ projections: [customerBaskets] });
    await first.start();
    await first.waitUntilCaughtUp();
    await first.stop();

    const inPence = {
      ...customerBaskets,
      version: 2,
      collection: { name: 'customer_baskets_v2', indexes: [] },
      evolve: (current: Basket | null, event: RecordedEvent) => {
        const next = customerBaskets.evolve(current === null ? null : { ...current, total: current.total / 100 }, event);
        return next && { ...next, total: next.total * 100 };
      },
    };
    const second = worker({ projections: [inPence] });
    await second.start();
    await second.waitUntilCaughtUp();
    await second.stop();
    expect(readStore.documents('customer_baskets_v2').map((d) => d.body)).toEqual([{ name: 'Ada', items: 2, total: 1_500 }]);
    expect(await checkpoint('customer-baskets')).toMatchObject({ eventsApplied: 3 });

    await readStore.dropCollection('customer_baskets_v2');
    const third = worker({ projections: [inPence] });
    await third.start();
    await third.waitUntilCaughtUp();
    expect(readStore.documents('customer_baskets_v2').map((d) => d.body)).toEqual([{ name: 'Ada', items: 2, total: 1_500 }]);
    expect(await checkpoint('customer-baskets')).toMatchObject({ eventsApplied: 3 });
  });

  it('brings an older collection up to date when its version comes back: the checkpoint of another collection is not its own', async () => {
    const inPence = { ...customerBaskets, version: 2, collection: { name: 'customer_baskets_v2', indexes: [] } };
    await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10)]);
    for (const projection of [customerBaskets, inPence]) {
      const run = worker({ projections: [projection] });
      await run.start();
      await run.waitUntilCaughtUp();
      await run.stop();
      // Appended while v1 does not run, folded by v2 only.
      if (projection === customerBaskets) await appendFacts(eventStore, [bought('c1', 5)]);
    }
    expect(await checkpoint('customer-baskets')).toMatchObject({ collection: 'customer_baskets_v2', eventsApplied: 3 });

    const rolledBack = worker({ projections: [customerBaskets] });
    await rolledBack.start();
    await rolledBack.waitUntilCaughtUp();
    expect(baskets().map((d) => d.body)).toEqual([{ name: 'Ada', items: 2, total: 15 }]);
    expect(await checkpoint('customer-baskets')).toMatchObject({ collection: 'customer_baskets_v1', eventsApplied: 3 });
  });

  describe('building a collection from the first event', () => {
    /** Which collections were opened, and whether with their indexes deferred. */
    const opened = (store: InMemoryReadStore) => {
      const calls: { name: string; deferIndexes: boolean }[] = [];
      const open = store.collection.bind(store);
      store.collection = ((definition, options) => {
        calls.push({ name: definition.name, deferIndexes: options?.deferIndexes === true });
        return open(definition, options);
      }) as InMemoryReadStore['collection'];
      return calls;
    };

    it('defers the secondary indexes until it has caught up, and is not caught up before they are made', async () => {
      await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10)]);
      const calls = opened(readStore);
      const building = worker({ projections: [customerBaskets] });
      await building.start();
      await building.waitUntilCaughtUp();
      expect(calls).toEqual([
        { name: 'customer_baskets_v1', deferIndexes: true },
        { name: 'customer_baskets_v1', deferIndexes: false },
      ]);
      expect(readStore.data.indexed.has('customer_baskets_v1')).toBe(true);
      expect(await checkpoint('customer-baskets')).not.toHaveProperty('indexesPending');
      expect((await building.statuses())[0]).toMatchObject({ state: 'running', indexesPending: false });
      expect(baskets().map((d) => d.body)).toEqual([{ name: 'Ada', items: 1, total: 10 }]);
    });

    it('still defers them after a restart in the middle of the build, and makes them at the end', async () => {
      const [first] = await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10), bought('c1', 5)]);
      // A build stopped after its first event.
      const partial = await readStore.collection(customerBaskets.collection, { deferIndexes: true });
      await partial.write({ upserts: [{ id: 'c1', position: first, body: { name: 'Ada', items: 0, total: 0 } }] });
      await readStore.saveCheckpoint({
        projection: 'customer-baskets',
        collection: 'customer_baskets_v1',
        position: first,
        state: 'stopped',
        eventsApplied: 1,
        updatedAt: new Date().toISOString(),
        indexesPending: true,
      });
      expect((await worker({ projections: [customerBaskets] }).statuses())[0].indexesPending).toBe(true);

      const calls = opened(readStore);
      const resumed = worker({ projections: [customerBaskets] });
      await resumed.start();
      await resumed.waitUntilCaughtUp();
      expect(calls.map((call) => call.deferIndexes)).toEqual([true, false]);
      expect(readStore.data.indexed.has('customer_baskets_v1')).toBe(true);
      expect(await checkpoint('customer-baskets')).toMatchObject({ eventsApplied: 3 });
      expect(baskets().map((d) => d.body)).toEqual([{ name: 'Ada', items: 2, total: 15 }]);
    });

    it('opens an indexed collection with its indexes on a plain restart', async () => {
      await appendFacts(eventStore, [joined('c1', 'Ada')]);
      const first = worker({ projections: [customerBaskets] });
      await first.start();
      await first.waitUntilCaughtUp();
      await first.stop();
      const calls = opened(readStore);
      const again = worker({ projections: [customerBaskets] });
      await again.start();
      await again.waitUntilCaughtUp();
      expect(calls).toEqual([{ name: 'customer_baskets_v1', deferIndexes: false }]);
    });
  });

  it('writes in batches, reading each document from the store once while it stays in the cache', async () => {
    await appendFacts(eventStore, [joined('c1', 'Ada'), ...Array.from({ length: 9 }, () => bought('c1', 1))]);
    const reads = async (documentCacheSize: number) => {
      const counting = new CountingReadStore(readStore.data);
      await counting.dropCollection('customer_baskets_v1');
      await counting.deleteCheckpoint('customer-baskets');
      const running = worker({ readStore: counting, projections: [customerBaskets], maxBatchEvents: 2, documentCacheSize });
      await running.start();
      await running.waitUntilCaughtUp();
      await running.stop();
      expect(baskets()[0].body).toEqual({ name: 'Ada', items: 9, total: 9 });
      return counting.getManyCalls;
    };
    expect(await reads(10)).toBe(1);
    // Five batches of two at least (more if a pause split one), each reading the customer again.
    expect(await reads(0)).toBeGreaterThanOrEqual(5);
  });

  it('rides out a read store outage: retries from its checkpoint, shows the error meanwhile, and ends as a clean run', async () => {
    const reports: string[] = [];
    const running = worker({ onError: (_error, projection, { kind }) => reports.push(`${projection}:${kind}`) });
    await running.start();
    await appendFacts(eventStore, [joined('c1', 'Ada')]);
    await running.waitUntilCaughtUp();

    readStore.simulateOutage(true);
    await appendFacts(eventStore, [bought('c1', 10, 'mug'), bought('c1', 5, 'mug')]);
    await eventually('retries visible in the status', async () => {
      const statuses = await running.statuses();
      return statuses.every((s) => s.retries > 0 && s.state === 'catching-up' && s.lastError?.message.includes('simulated outage'));
    });
    readStore.simulateOutage(false);
    await running.waitUntilCaughtUp();

    expect(baskets()[0].body).toEqual({ name: 'Ada', items: 2, total: 15 });
    expect(sales()[0].body).toEqual({ sold: 2, revenue: 15 });
    await eventually('the outage forgotten', async () => (await running.statuses()).every((s) => s.retries === 0 && !s.lastError));
    expect(reports).toContain('customer-baskets:transient');
    expect(reports).toContain('sku-sales:transient');
    expect((await running.statuses()).map((s) => s.state)).toEqual(['running', 'running']);
  });

  it('resubscribes from its checkpoint when the subscription fails, without applying an event twice', async () => {
    await appendFacts(eventStore, Array.from({ length: 30 }, (_, i) => bought(`c${i % 3}`, 1)));
    let failures = 0;
    // The first subscription fails after 7 messages, as a dropped connection would.
    const flaky: EventStore = Object.create(eventStore, {
      subscribeToAll: {
        value: (options: Parameters<EventStore['subscribeToAll']>[0]): Subscription => {
          const inner = eventStore.subscribeToAll(options);
          if (failures > 0) return inner;
          failures++;
          async function* failing(): AsyncGenerator<SubscriptionMessage> {
            let seen = 0;
            for await (const message of inner) {
              if (++seen > 7) throw new EventStoreUnavailableError('connection dropped');
              yield message;
            }
          }
          const messages = failing();
          return { [Symbol.asyncIterator]: () => messages, close: () => inner.close() };
        },
      },
    });
    const running = worker({ eventStore: flaky, projections: [customerBaskets], maxBatchEvents: 3 });
    await running.start();
    await running.waitUntilCaughtUp();
    expect(failures).toBe(1);
    expect(baskets().map((d) => d.body.items)).toEqual([10, 10, 10]);
    expect(await checkpoint('customer-baskets')).toMatchObject({ eventsApplied: 30 });
  });

  it('upcasts old events to the current version of their type before evolve sees them', async () => {
    const seen: unknown[] = [];
    const profiles: ProjectionDefinition = {
      name: 'profiles',
      version: 1,
      collection: { name: 'profiles_v1', indexes: [] },
      eventTypes: ['CustomerProfileUpdated'],
      documentIdOf: (event) => event.streamId,
      evolve: (_current, event) => {
        seen.push({ schemaVersion: event.schemaVersion, data: event.data });
        return { ...event.data };
      },
    };
    const oldShape = { name: 'pii:v1:sealed', country: 'GB' };
    await eventStore.appendToStream('customer-1', [
      { ...newShopEvent(joined('1', 'x')), type: 'CustomerProfileUpdated', schemaVersion: 1, data: oldShape },
    ]);
    const running = worker({ projections: [profiles] });
    await running.start();
    await running.waitUntilCaughtUp();
    expect(seen).toEqual([{ schemaVersion: 2, data: { name: 'pii:v1:sealed', address: { country: 'GB' } } }]);
    expect(readStore.documents('profiles_v1')[0].body).toEqual({ name: 'pii:v1:sealed', address: { country: 'GB' } });
  });

  it('refuses two projections with one name or one collection', () => {
    expect(() => worker({ projections: [customerBaskets, customerBaskets] })).toThrow('registered twice');
    expect(() => worker({ projections: [customerBaskets, { ...skuSales(), collection: customerBaskets.collection }] })).toThrow(
      'written by two projections',
    );
  });
});

/** Counts the reads of documents, to show the cache at work. */
class CountingReadStore extends InMemoryReadStore {
  getManyCalls = 0;

  override async collection<Body extends JsonObject = JsonObject>(definition: CollectionDefinition): Promise<ReadCollection<Body>> {
    const inner = await super.collection<Body>(definition);
    const getMany = inner.getMany.bind(inner);
    return Object.assign(inner, {
      getMany: (ids: readonly string[]) => {
        this.getManyCalls++;
        return getMany(ids);
      },
    });
  }
}
