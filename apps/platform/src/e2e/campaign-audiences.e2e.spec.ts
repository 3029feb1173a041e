import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { ProblemBody, readJson } from './api-bodies';
import { postEvents } from './one-visit';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { waitUntil } from './wait-until';

interface Reason {
  rule: string;
  productId: string | null;
  since: string | null;
  until: string | null;
  eventIds: string[];
}
interface Summary {
  audienceId: string;
  segmentId: string;
  asOf: string;
  counts: { members: number; audience: number; excluded: number; byRule: Record<string, number> };
}
interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

const run = randomUUID().slice(0, 8);
const id = (name: string) => `${name}-${run}`;
const asOf = '2025-03-20T00:00:00.000Z';
const line = (productId: string, category?: string) => ({ productId, sku: productId, quantity: 1, unitPrice: 5, currency: 'GBP', ...(category ? { category } : {}) });
const event = (type: string, customer: string, occurredAt: string, data: object) => ({ type, customerId: id(customer), occurredAt, data });
const consent = (customer: string) => event('ConsentGranted', customer, '2025-01-01T00:00:00Z', { channel: 'email', purpose: 'marketing' });
const bought = (customer: string, productId = '85123A', category?: string) =>
  event('OrderPlaced', customer, '2025-01-02T00:00:00Z', { orderId: `o-${customer}-${run}`, lines: [line(productId, category)] });
const returned = (customer: string, productId: string, at: string) =>
  event('ReturnRequested', customer, at, { returnId: `r-${customer}-${run}`, productId, quantity: 1, reason: 'damaged', channel: 'web' });
const refunded = (customer: string, at: string) => event('ReturnRefunded', customer, at, { returnId: `r-${customer}-${run}`, amount: 5, currency: 'GBP' });
const complaint = (customer: string, at: string) =>
  event('ComplaintOpened', customer, at, { complaintId: `k-${customer}-${run}`, channel: 'phone', category: 'product-quality', severity: 'high', productId: '85123A' });

// Twelve buyers, each with one story; the campaign promotes 85123A by e-mail, asked as of 2025-03-20.
const customers = Array.from({ length: 12 }, (_, index) => `c${String(index).padStart(2, '0')}`);
const history = [
  ...customers.slice(0, 10).map(consent),
  ...customers.map((customer, index) => (index === 7 ? bought(customer, 'LAMP', 'lighting') : bought(customer, index === 6 ? '71053' : '85123A'))),
  event('ConsentGranted', 'c11', '2025-01-01T00:00:00Z', { channel: 'email', purpose: 'marketing' }),
  event('ConsentWithdrawn', 'c11', '2025-02-01T00:00:00Z', { channel: 'email', purpose: 'marketing' }),
  returned('c01', '85123A', '2025-03-01T00:00:00Z'),
  returned('c02', '85123A', '2025-03-01T00:00:00Z'),
  refunded('c02', '2025-03-05T00:00:00Z'),
  returned('c03', '85123A', '2024-12-01T00:00:00Z'),
  refunded('c03', '2025-01-01T00:00:00Z'),
  complaint('c04', '2025-03-02T00:00:00Z'),
  complaint('c05', '2025-02-02T00:00:00Z'),
  event('ComplaintResolved', 'c05', '2025-02-10T00:00:00Z', { complaintId: `k-c05-${run}`, resolution: 'replaced' }),
  returned('c06', '71053', '2025-03-10T00:00:00Z'),
  returned('c07', 'LAMP', '2025-03-10T00:00:00Z'),
];

const mongoUrl = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:37017/';
const readStores: { store: string; env: Record<string, string> }[] = [
  { store: 'the embedded read store', env: {} },
  { store: 'FerretDB', env: { READ_STORE: 'mongodb', MONGODB_URL: mongoUrl, MONGODB_DATABASE: `cdp_e2e_audience_${run}` } },
];

describe.each(readStores)('campaign audiences on $store', ({ env }) => {
  let dataDir: string;
  let platform: RunningPlatform;
  const url = (path: string) => `${platform.baseUrl}${path}`;
  const post = (path: string, body: unknown) => fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const plan = (campaignId: string, extra: object) =>
    post('/v1/campaigns', { campaignId, name: campaignId, channel: 'email', purpose: 'marketing', audienceSegmentId: id('buyers'), sendAt: asOf, ...extra });
  const compute = async (campaignId: string) => {
    const res = await post(`/v1/campaigns/${campaignId}/audience`, { asOf });
    expect(res.status).toBe(201);
    return readJson<Summary>(res);
  };
  const every = async <Item>(path: string): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Item> = await readJson(await fetch(url(`${path}?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)));
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    dataDir = freshDataDir();
    platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, ...env });
    expect((await postEvents(platform.baseUrl, history)).status).toBe(200);
    expect((await post('/v1/segments', { segmentId: id('buyers'), name: 'Buyers', conditions: { field: 'orderCount', op: 'gte', value: 1 } })).status).toBe(201);
    await waitUntil('every buyer is a member', async () => {
      const segment = await readJson<{ status: string; size: number }>(await fetch(url(`/v1/segments/${id('buyers')}`)));
      return segment.status === 'active' && segment.size === customers.length;
    });
    await waitUntil('the suppression postings are complete', async () => {
      const { projections } = await readJson<{ projections: { name: string; lag: { events: number } | null }[] }>(await fetch(url('/v1/projections')));
      return projections.find((projection) => projection.name === 'audiences')?.lag?.events === 0;
    });
  });

  afterAll(async () => {
    await platform?.stop();
    if (dataDir) removeDataDir(dataDir);
    if (env.MONGODB_DATABASE) {
      const client = new MongoClient(env.MONGODB_URL);
      await client.db(env.MONGODB_DATABASE).dropDatabase();
      await client.close();
    }
  });

  it('computes the members minus the blocked, counting each rule, and says why each was left out', async () => {
    expect((await plan(id('lights'), { products: [{ sku: '85123A' }] })).status).toBe(201);
    const summary = await compute(id('lights'));
    expect(summary).toMatchObject({
      segmentId: id('buyers'),
      asOf,
      counts: {
        members: 12,
        audience: 7,
        excluded: 5,
        byRule: { 'open-return': 1, 'recent-return': 1, 'open-complaint': 1, 'no-consent': 1, 'consent-withdrawn': 1 },
      },
    });
    const base = `/v1/campaigns/${id('lights')}/audiences/${summary.audienceId}`;
    const audience = await every<{ customerId: string }>(`${base}/members`);
    expect(audience.map((item) => item.customerId).sort()).toEqual(['c00', 'c03', 'c05', 'c06', 'c07', 'c08', 'c09'].map(id));
    const excluded = await every<{ customerId: string; reasons: Reason[] }>(`${base}/excluded`);
    expect(Object.fromEntries(excluded.map(({ customerId, reasons }) => [customerId, reasons.map((reason) => reason.rule)]))).toEqual({
      [id('c01')]: ['open-return'],
      [id('c02')]: ['recent-return'],
      [id('c04')]: ['open-complaint'],
      [id('c10')]: ['no-consent'],
      [id('c11')]: ['consent-withdrawn'],
    });
    expect(excluded.find((item) => item.customerId === id('c02'))?.reasons[0]).toMatchObject({ productId: '85123A', since: '2025-03-05T00:00:00.000Z', until: '2025-04-04T00:00:00.000Z' });
  });

  it('leaves out exactly whom the eligibility of each customer blocks, with the same reasons', async () => {
    const summary = await compute(id('lights'));
    const excluded = new Map((await every<{ customerId: string; reasons: Reason[] }>(`/v1/campaigns/${id('lights')}/audiences/${summary.audienceId}/excluded`)).map((item) => [item.customerId, item.reasons]));
    for (const customer of customers.map(id)) {
      const answer = await readJson<{ eligible: boolean; reasons: Reason[] }>(await fetch(url(`/v1/campaigns/${id('lights')}/eligibility/${customer}?asOf=${asOf}`)));
      expect({ customer, reasons: answer.reasons }).toEqual({ customer, reasons: excluded.get(customer) ?? [] });
    }
  });

  it('blocks a product of a promoted category, and exports what it computed as CSV and NDJSON', async () => {
    expect((await plan(id('lamps'), { categories: ['lighting'] })).status).toBe(201);
    const summary = await compute(id('lamps'));
    expect(summary.counts.byRule).toMatchObject({ 'open-return': 1, 'recent-return': 0, 'open-complaint': 0 });
    const base = url(`/v1/campaigns/${id('lamps')}/audiences/${summary.audienceId}`);
    const csv = await (await fetch(`${base}/excluded?format=csv`)).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('customerId,rule,productId,since,until,eventIds,message');
    expect(rows.filter((row) => row.startsWith(`${id('c07')},open-return,LAMP,2025-03-10T00:00:00.000Z,,`))).toHaveLength(1);
    const ndjson = await (await fetch(`${base}/members`, { headers: { accept: 'application/x-ndjson' } })).text();
    expect(ndjson.trim().split('\n')).toHaveLength(summary.counts.audience);
    const listed = await readJson<{ audiences: Summary[] }>(await fetch(url(`/v1/campaigns/${id('lamps')}/audiences`)));
    expect(listed.audiences.map((audience) => audience.audienceId)).toEqual([summary.audienceId]);
  });

  it('says what is wrong when an audience cannot be computed or found', async () => {
    expect((await plan(id('orphan'), { products: [{ sku: '85123A' }], audienceSegmentId: id('nobody') })).status).toBe(201);
    const res = await post(`/v1/campaigns/${id('orphan')}/audience`, {});
    expect(res.status).toBe(409);
    expect((await readJson<ProblemBody>(res)).detail).toMatch(/segment nobody-\w+ is not defined/);
    expect((await post(`/v1/campaigns/${id('lights')}/audience`, { asOf: 'soon' })).status).toBe(400);
    expect((await fetch(url(`/v1/campaigns/${id('lights')}/audiences/${randomUUID()}`))).status).toBe(404);
  });
});
