import { join } from 'node:path';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { ProjectionWorker } from '@cdp/projection-engine';
import { platformProjections } from '@cdp/read-models';
import { ReadDocument, ReadStore } from '@cdp/read-store';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { freshDataDir, removeDataDir, startPlatform } from './platform-process';
import { waitUntil } from './wait-until';

// kill -9 while events pour in and the projections fold them: after a restart, the read models equal a rebuild
// from the first event.

const customers = 600;
const ordersPerCustomer = 20;

function historyOf(customer: number): object[] {
  const customerId = `crash-${customer}`;
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n, customer % 24)).toISOString();
  const events: object[] = [
    { type: 'CustomerRegistered', customerId, occurredAt: day(0), data: { partyKind: 'customer' } },
    { type: 'CustomerProfileUpdated', customerId, occurredAt: day(0), data: { address: { country: ['GB', 'FR', 'DE'][customer % 3] } } },
  ];
  for (let order = 0; order < ordersPerCustomer; order++) {
    const productId = `p-${(customer + order) % 50}`;
    events.push({
      type: 'OrderPlaced',
      customerId,
      occurredAt: day(1 + order * 7),
      data: { orderId: `${customerId}-o${order}`, lines: [{ productId, sku: productId, category: `cat-${order % 5}`, quantity: 1 + (order % 3), unitPrice: 9.99, currency: 'GBP' }] },
    });
    if (order % 4 === 0) {
      events.push({ type: 'ReturnRequested', customerId, occurredAt: day(2 + order * 7), data: { returnId: `${customerId}-r${order}`, productId, quantity: 1, reason: 'damaged', channel: 'web' } });
    }
  }
  return events;
}

async function allDocuments(store: ReadStore): Promise<ReadDocument[]> {
  const documents: ReadDocument[] = [];
  for (const { collection } of platformProjections().all) {
    for await (const document of (await store.collection(collection)).stream({})) documents.push(document);
  }
  return documents;
}

describe('the projections after kill -9', () => {
  let dataDir: string;
  let rebuildDir: string;
  beforeAll(() => {
    dataDir = freshDataDir();
    rebuildDir = freshDataDir();
  });
  afterAll(() => [dataDir, rebuildDir].forEach(removeDataDir));

  it('resume to the read models a rebuild from the first event gives', async () => {
    const platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, EVENT_STORE_DURABILITY: 'normal', PROJECTION_BATCH_EVENTS: '500' });
    const post = (events: object[]) =>
      fetch(`${platform.baseUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
    // Customers interleaved, so every write batch of the projections touches many documents.
    const all = Array.from({ length: customers }, (_, customer) => historyOf(customer));
    const interleaved: object[] = [];
    for (let index = 0; index < all[0].length; index++) for (const history of all) if (history[index]) interleaved.push(history[index]);
    let sent = 0;
    const sending = (async () => {
      for (let start = 0; start < interleaved.length; start += 1000) {
        const res = await post(interleaved.slice(start, start + 1000)).catch(() => undefined);
        if (!res) return;
        sent = start + 1000;
      }
    })();
    await waitUntil('a third of the events are sent', () => sent >= interleaved.length / 3, 60_000);
    await platform.stop('SIGKILL');
    await sending;

    const restarted = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, EVENT_STORE_DURABILITY: 'normal', PROJECTION_BATCH_EVENTS: '500' });
    const statuses = async () => (await (await fetch(`${restarted.baseUrl}/v1/projections`)).json()) as { projections: { state: string; lag: { events: number } }[] };
    await waitUntil('the projections caught up', async () => (await statuses()).projections.every((p) => p.state === 'running' && p.lag.events === 0));
    await restarted.stop();

    const live = openEmbeddedReadStore({ file: join(dataDir, 'read-models.sqlite') });
    const rebuilt = openEmbeddedReadStore({ file: join(rebuildDir, 'read-models.sqlite') });
    const eventStore = openEmbeddedEventStore({ dataDir, readOnly: true });
    const worker = new ProjectionWorker({ eventStore, readStore: rebuilt, projections: platformProjections().all });
    try {
      await worker.start();
      await worker.waitUntilCaughtUp(undefined, { timeoutMs: 120_000 });
      await worker.stop();
      const [liveDocuments, rebuiltDocuments] = await Promise.all([allDocuments(live), allDocuments(rebuilt)]);
      expect(liveDocuments.length).toBeGreaterThan(customers / 3);
      expect(rebuiltDocuments).toEqual(liveDocuments);
    } finally {
      await worker.stop();
      await eventStore.close();
      await live.close();
      await rebuilt.close();
    }
  });
});
