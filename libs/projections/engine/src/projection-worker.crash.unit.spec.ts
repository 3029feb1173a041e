import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The tests run the engine on the real embedded store; the engine itself imports no adapter.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { ReadStore } from '@cdp/read-store';
import { ProjectionWorker } from './projection-worker';
import { CrashingReadStore } from './testing/crashing-read-store';
import { eventually } from './testing/eventually';
import { InMemoryReadData, InMemoryReadStore } from './testing/in-memory-read-store';
import { appendFacts, bought, customerBaskets, joined, left, noise, ShopFact, skuSales } from './testing/shop';

/** A shop's day: joins, purchases with and without a product, departures and returns, and unrelated events. */
function history(): ShopFact[] {
  const facts: ShopFact[] = [];
  const skus = ['mug', 'pen', 'cap', undefined];
  for (let i = 0; i < 60; i++) {
    const customer = `c${i % 7}`;
    if (i < 7) facts.push(joined(customer, `customer ${i}`));
    else if (i % 11 === 0) facts.push(left(customer));
    else if (i % 13 === 0) facts.push(joined(customer, `returning ${i}`));
    else if (i % 5 === 0) facts.push(noise(customer));
    else facts.push(bought(customer, i, skus[i % 4]));
  }
  return facts;
}

describe('a projection worker that crashes', () => {
  let dataDir: string;
  let eventStore: EmbeddedEventStore;
  const workers: ProjectionWorker[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-projections-'));
    eventStore = openEmbeddedEventStore({ dataDir, durability: 'normal' });
    await appendFacts(eventStore, history());
  });

  afterAll(async () => {
    // Also after a timeout: a worker left running would retry forever and keep jest from exiting.
    await Promise.all(workers.map((w) => w.stop()));
    await eventStore.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const worker = (readStore: ReadStore) => {
    const created = new ProjectionWorker({
      eventStore,
      readStore,
      projections: [customerBaskets, skuSales({ rejectNegative: false })],
      // Small batches: many places to crash between a document write and a checkpoint.
      maxBatchEvents: 4,
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
    });
    workers.push(created);
    return created;
  };

  /** Runs a fresh worker on `data` to the head of the store, stops it, and returns what it leaves behind. */
  async function runToTheEnd(data: InMemoryReadData) {
    const readStore = new InMemoryReadStore(data);
    const running = worker(readStore);
    await running.start();
    await running.waitUntilCaughtUp();
    await running.stop();
    return outcome(readStore);
  }

  async function outcome(readStore: InMemoryReadStore) {
    const checkpoints = (await readStore.listCheckpoints()).map(({ updatedAt: _at, ...checkpoint }) => checkpoint);
    return { baskets: readStore.documents('customer_baskets_v1'), sales: readStore.documents('sku_sales_v1'), checkpoints };
  }

  it('resumes, wherever the crash fell, to the same documents and checkpoints as a run without a crash', async () => {
    const cleanData = new InMemoryReadData();
    const counting = new CrashingReadStore(new InMemoryReadStore(cleanData), Number.POSITIVE_INFINITY);
    const clean = worker(counting);
    await clean.start();
    await clean.waitUntilCaughtUp();
    await clean.stop();
    const expected = await outcome(new InMemoryReadStore(cleanData));
    expect(expected.baskets.length).toBeGreaterThan(0);
    expect(expected.sales.length).toBe(3);
    const writes = counting.writes;

    let crashes = 0;
    for (let k = 0; k <= writes; k++) {
      const data = new InMemoryReadData();
      const crashing = new CrashingReadStore(new InMemoryReadStore(data), k);
      const doomed = worker(crashing);
      await doomed.start();
      const caughtUp = () => doomed.waitUntilCaughtUp(undefined, { timeoutMs: 0 }).then(() => true, () => false);
      await eventually(`a crash or the end (k = ${k})`, async () => crashing.crashed || (await caughtUp()));
      // Like kill -9, the crashed "process" writes nothing more: every call to its store fails from now on.
      await doomed.stop();
      if (crashing.crashed) crashes++;

      expect({ k, ...(await runToTheEnd(data)) }).toEqual({ k, ...expected });
    }
    // Batches form a little differently from run to run; nearly every k must still have cut a run short.
    expect(crashes).toBeGreaterThanOrEqual(writes * 0.8);
  }, 60_000);
});
