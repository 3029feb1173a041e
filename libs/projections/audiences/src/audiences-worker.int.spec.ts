// The worker on FerretDB, through the MongoDB read store; the library itself imports no adapter.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openMongoReadStore } from '@cdp/mongodb';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { AudiencesHarness, ManualClock } from './testing/audiences.harness';

const url = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:37017/';
const day = (n: number) => Date.UTC(2025, 0, 1) + n * 86_400_000;
const iso = (n: number) => new Date(day(n)).toISOString();
const order = (orderId: string, productId: string) => ({ orderId, lines: [{ productId, sku: productId, quantity: 1, unitPrice: 2.5, currency: 'GBP' }] });

describe('the audiences worker on FerretDB', () => {
  const databases: string[] = [];
  let harness: AudiencesHarness;
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock(day(10));
    harness = new AudiencesHarness(clock, async (name) => {
      const database = `cdp_audiences_${name.replace(/\W/g, '_')}_${randomUUID().slice(0, 8)}`;
      databases.push(database);
      return openMongoReadStore({ url, database });
    });
  });

  afterEach(() => harness.close());

  afterAll(async () => {
    const client = new MongoClient(url);
    for (const database of databases) await client.db(database).dropDatabase();
    await client.close();
  });

  it('decides live, by the clock and over every customer for a new segment, as on the embedded store', async () => {
    await harness.start('live', { customersPerPass: 4, evaluationFlushCustomers: 6 });
    for (let index = 0; index < 12; index++) await harness.append(`c${index}`, 'OrderPlaced', order(`o${index}`, index % 2 === 0 ? 'LAMP' : 'MUG'), iso(index % 5));
    await harness.append('c0', 'ReturnRequested', { returnId: 'r1', productId: 'LAMP', quantity: 1, reason: 'damaged', channel: 'web' }, iso(5));
    await harness.settle(30_000);
    await harness.defineSegment('lamp-buyers', { bought: { product: 'LAMP', withinDays: 30 } });
    await harness.settle(30_000);
    const lampBuyers = ['c0', 'c10', 'c2', 'c4', 'c6', 'c8'];
    expect(await harness.members('lamp-buyers')).toEqual(lampBuyers);
    expect((await harness.stores.segments.get('lamp-buyers'))?.body).toMatchObject({ status: 'active', evaluation: { evaluated: 12, total: 12 } });
    for (const customerId of lampBuyers) expect((await harness.membershipsOf(customerId))?.segments).toHaveProperty('lamp-buyers');
    const postings: string[] = [];
    for await (const entry of harness.stores.postings.entries('product:LAMP')) postings.push(entry.id);
    expect(postings).toEqual(['c0']);

    // c0 and c10 bought on day 0: on day 31 their window has closed; c6's (day 1) closes just after.
    clock.set(day(31));
    await harness.settle(30_000);
    expect(await harness.members('lamp-buyers')).toEqual(['c2', 'c4', 'c6', 'c8']);
    expect((await harness.history('c0')).map((change) => change.cause.kind)).toEqual(['definition', 'time']);

    // Rebuilt from the first event into a new store, at the same moment: the same members.
    const live = await harness.members('lamp-buyers');
    await harness.stop();
    await harness.start('rebuilt');
    await harness.settle(60_000);
    expect(await harness.members('lamp-buyers')).toEqual(live);
  });
});
