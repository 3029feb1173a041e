import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The tests run the engine on the real embedded store; the engine itself imports no adapter.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { ProjectionWorker } from './projection-worker';
import { InMemoryReadStore } from './testing/in-memory-read-store';
import { appendFacts, bought, customerBaskets, joined, skuSales } from './testing/shop';

describe('the lag of a projection', () => {
  let dataDir: string;
  let eventStore: EmbeddedEventStore;
  let readStore: InMemoryReadStore;
  let now: number;
  const clock = { now: () => now };
  const workers: ProjectionWorker[] = [];

  const worker = (lagCountCap?: number) => {
    const created = new ProjectionWorker({ eventStore, readStore, projections: [customerBaskets, skuSales()], clock, lagCountCap });
    workers.push(created);
    return created;
  };
  const lags = async (running: ProjectionWorker) =>
    Object.fromEntries((await running.statuses()).map((s) => [s.name, { ...s.lag, head: s.headPosition }]));

  beforeEach(() => {
    now = Date.parse('2026-01-05T10:00:00.000Z');
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-projections-'));
    // The store stamps recordedAt with the same controllable clock.
    eventStore = openEmbeddedEventStore({ dataDir, durability: 'normal', now: () => now });
    readStore = new InMemoryReadStore();
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await eventStore.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts the events of its types not yet applied, and the seconds since the oldest of them was recorded', async () => {
    await appendFacts(eventStore, [joined('c1', 'Ada'), bought('c1', 10, 'mug')]);
    now += 30_000;
    const [head] = await appendFacts(eventStore, [bought('c1', 5, 'pen')]);
    now += 60_000;
    const idle = worker();
    expect(await lags(idle)).toEqual({
      'customer-baskets': { events: 3, eventsCapped: false, seconds: 90, head },
      'sku-sales': { events: 2, eventsCapped: false, seconds: 90, head },
    });

    await idle.start();
    await idle.waitUntilCaughtUp();
    expect(await lags(idle)).toEqual({
      'customer-baskets': { events: 0, eventsCapped: false, seconds: 0, head },
      'sku-sales': { events: 0, eventsCapped: false, seconds: 0, head },
    });
    const statuses = await idle.statuses();
    expect(statuses.every((s) => s.ratePerSecond > 0)).toBe(true);

    await idle.stop();
    const [newHead] = await appendFacts(eventStore, [joined('c2', 'Grace')]);
    now += 15_500;
    expect(await lags(idle)).toEqual({
      'customer-baskets': { events: 1, eventsCapped: false, seconds: 15.5, head: newHead },
      'sku-sales': { events: 0, eventsCapped: false, seconds: 0, head: newHead },
    });
  });

  it('stops counting at the cap and says so', async () => {
    await appendFacts(eventStore, [joined('c1', 'Ada'), joined('c2', 'Grace'), joined('c3', 'Edsger'), bought('c1', 1, 'mug')]);
    const lag = await lags(worker(2));
    expect(lag['customer-baskets']).toMatchObject({ events: 2, eventsCapped: true });
    expect(lag['sku-sales']).toMatchObject({ events: 1, eventsCapped: false });
  });

  it('is nothing at all on an empty store', async () => {
    expect(await lags(worker())).toEqual({
      'customer-baskets': { events: 0, eventsCapped: false, seconds: 0, head: null },
      'sku-sales': { events: 0, eventsCapped: false, seconds: 0, head: null },
    });
  });
});
