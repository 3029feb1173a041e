import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The tests run the engine on the real embedded store; the engine itself imports no adapter.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { ProjectionDefinition } from './projection-definition';
import { ProjectionWorker } from './projection-worker';
import { InMemoryReadStore } from './testing/in-memory-read-store';
import { appendFacts, bought, customerBaskets, joined, newShopEvent, skuSales } from './testing/shop';

describe('a poison event', () => {
  let dataDir: string;
  let eventStore: EmbeddedEventStore;
  let readStore: InMemoryReadStore;
  let reports: string[];
  const workers: ProjectionWorker[] = [];
  const rules = { rejectNegative: true };

  const worker = (projections: ProjectionDefinition[] = [customerBaskets, skuSales(rules)]) => {
    const created = new ProjectionWorker({
      eventStore,
      readStore,
      projections,
      onError: (_error, projection, { kind }) => reports.push(`${projection}:${kind}`),
    });
    workers.push(created);
    return created;
  };
  const status = async (running: ProjectionWorker, name: string) => (await running.statuses()).find((s) => s.name === name)!;
  const sales = () => readStore.documents('sku_sales_v1');

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-projections-'));
    eventStore = openEmbeddedEventStore({ dataDir, durability: 'normal' });
    readStore = new InMemoryReadStore();
    reports = [];
    rules.rejectNegative = true;
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await eventStore.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops only the projection that cannot handle it; its status names the event and the error', async () => {
    const positions = await appendFacts(eventStore, [
      joined('c1', 'Ada'),
      bought('c1', 10, 'mug'),
      bought('c1', -1, 'mug'),
      bought('c1', 4, 'pen'),
    ]);
    const poisonEvent = (await collect(eventStore.readAll({ fromPosition: positions[2], maxCount: 1 })))[0];
    const running = worker();
    await running.start();
    await running.waitUntilCaughtUp();

    const failed = await status(running, 'sku-sales');
    expect(failed).toMatchObject({
      state: 'failed',
      position: positions[1],
      eventsApplied: 1,
      error: {
        eventId: poisonEvent.eventId,
        eventType: 'TestItemBought',
        streamId: 'customer-c1',
        position: positions[2],
        message: 'RangeError: a sale cannot have a negative amount (-1)',
      },
    });
    // Nothing after the poison event is applied: it is not skipped, the projection waits on it.
    expect(sales()).toEqual([{ id: 'mug', position: positions[1], body: { sold: 1, revenue: 10 } }]);
    expect(failed.lag).toMatchObject({ events: 2 });
    expect(reports).toEqual(['sku-sales:poison']);

    // The other projection applied everything and goes on live.
    expect(await status(running, 'customer-baskets')).toMatchObject({ state: 'running', eventsApplied: 4 });
    await appendFacts(eventStore, [bought('c1', 1, 'mug')]);
    await running.waitUntilCaughtUp();
    expect(readStore.documents('customer_baskets_v1')[0].body).toEqual({ name: 'Ada', items: 4, total: 14 });
    expect(sales()).toHaveLength(1);
  });

  it('stays failed across a restart, and runs again after a fix and an explicit retry', async () => {
    const positions = await appendFacts(eventStore, [bought('c1', 10, 'mug'), bought('c1', -1, 'mug'), bought('c1', 4, 'pen')]);
    const first = worker();
    await first.start();
    await first.waitUntilCaughtUp();
    await first.stop();
    const failedCheckpoint = await readStore.loadCheckpoint('sku-sales');
    expect(failedCheckpoint).toMatchObject({ state: 'failed', position: positions[0] });

    const restarted = worker();
    await restarted.start();
    await restarted.waitUntilCaughtUp();
    expect(await status(restarted, 'sku-sales')).toMatchObject({ state: 'failed', error: { position: positions[1] } });
    expect(await readStore.loadCheckpoint('sku-sales')).toEqual(failedCheckpoint);

    // A retry without a fix stops on the same event again.
    await restarted.retry('sku-sales');
    await restarted.waitUntilCaughtUp();
    expect(await status(restarted, 'sku-sales')).toMatchObject({ state: 'failed', error: { position: positions[1] } });

    rules.rejectNegative = false;
    await restarted.retry('sku-sales');
    await restarted.waitUntilCaughtUp();
    const fixed = await status(restarted, 'sku-sales');
    expect(fixed).toMatchObject({ state: 'running', eventsApplied: 3 });
    expect(fixed.error).toBeUndefined();
    expect(sales()).toEqual([
      { id: 'mug', position: positions[1], body: { sold: 2, revenue: 9 } },
      { id: 'pen', position: positions[2], body: { sold: 1, revenue: 4 } },
    ]);
  });

  it('is also an event of a schema version no upcaster knows', async () => {
    const profiles: ProjectionDefinition = {
      name: 'profiles',
      version: 1,
      collection: { name: 'profiles_v1', indexes: [] },
      eventTypes: ['CustomerProfileUpdated'],
      documentIdOf: (event) => event.streamId,
      evolve: (_current, event) => ({ ...event.data }),
    };
    const future = { ...newShopEvent(joined('1', 'x')), type: 'CustomerProfileUpdated', schemaVersion: 99, data: {} };
    await eventStore.appendToStream('customer-1', [future]);
    const running = worker([profiles]);
    await running.start();
    await running.waitUntilCaughtUp();
    expect(await status(running, 'profiles')).toMatchObject({
      state: 'failed',
      error: { eventId: future.eventId, message: expect.stringContaining('has no schemaVersion 99') },
    });
  });

  it('can be left behind by a reset that rebuilds the projection from the first event', async () => {
    await appendFacts(eventStore, [bought('c1', 10, 'mug'), bought('c1', -1, 'mug')]);
    const running = worker();
    await running.start();
    await running.waitUntilCaughtUp();
    expect((await status(running, 'sku-sales')).state).toBe('failed');

    rules.rejectNegative = false;
    await running.reset('sku-sales');
    await running.waitUntilCaughtUp();
    expect(await status(running, 'sku-sales')).toMatchObject({ state: 'running', eventsApplied: 2 });
    expect(sales()).toEqual([expect.objectContaining({ id: 'mug', body: { sold: 2, revenue: 9 } })]);
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
