import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { OpenApiBody, ProblemBody, readJson } from './api-bodies';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { waitUntil } from './wait-until';

interface View {
  customerId: string;
  partyKind: string;
  country: string | null;
  lifecycleStage: string;
  orderCount: number;
  revenue: Record<string, number>;
  reportingRevenue: number;
  profile: Record<string, unknown> | null;
  identities: Record<string, unknown>[];
  consents: Record<string, Record<string, { granted: boolean }>>;
  openComplaintCount: number;
  openReturns: { returnId: string; productId: string }[];
  recentActivity: { type: string; summary: string }[];
}
interface ViewBody {
  customerId: string;
  asOf: string;
  source: string;
  personalData: 'shown' | 'hidden';
  view: View;
}
interface SearchBody {
  items: { customerId: string; reportingRevenue: number; lifecycleStage: string; country: string }[];
  nextCursor: string | null;
  total?: number;
}
interface TimelineBody {
  items: { type: string; kind: string; summary: string; revision: number; data: Record<string, unknown> }[];
  nextBefore: number | null;
}

const personalDataToken = 'e2e-analyst-with-personal-data';
const run = randomUUID().slice(0, 8);
const ada = `ada-${run}`;
const blaise = `blaise-${run}`;
const charles = `charles-${run}`;
const order = (orderId: string, productId: string, quantity: number, unitPrice: number, category = 'lighting') => ({
  orderId,
  channel: 'web',
  lines: [{ productId, sku: productId, category, quantity, unitPrice, currency: 'GBP' }],
});

/** Three customers, told through the ingestion API as producers would, in business-time order. */
const history = [
  { type: 'CustomerRegistered', customerId: ada, occurredAt: '2025-01-05T10:00:00Z', data: { partyKind: 'customer', acquisitionChannel: 'web' } },
  { type: 'CustomerProfileUpdated', customerId: ada, occurredAt: '2025-01-05T10:01:00Z', data: { name: 'Ada Lovelace', email: `${ada}@example.org`, address: { city: 'London', country: 'GB' } } },
  { type: 'ConsentGranted', customerId: ada, occurredAt: '2025-01-05T10:02:00Z', data: { channel: 'email', purpose: 'marketing' } },
  { type: 'OrderPlaced', customerId: ada, occurredAt: '2025-02-01T12:00:00Z', data: order(`o1-${run}`, '85123A', 6, 2.55) },
  { type: 'OrderPlaced', customerId: ada, occurredAt: '2025-03-01T12:00:00Z', data: order(`o2-${run}`, '71053', 10, 20) },
  { type: 'ReturnRequested', customerId: ada, occurredAt: '2025-03-03T09:00:00Z', data: { returnId: `r1-${run}`, orderId: `o2-${run}`, productId: '71053', quantity: 2, reason: 'damaged', channel: 'web' } },
  { type: 'ComplaintOpened', customerId: ada, occurredAt: '2025-03-04T09:00:00Z', data: { complaintId: `k1-${run}`, channel: 'phone', category: 'product-quality', severity: 'high', productId: '71053', description: 'It broke at once.' } },
  { type: 'InteractionRecorded', customerId: ada, occurredAt: '2025-03-05T09:00:00Z', data: { channel: 'email', direction: 'outbound', kind: 'newsletter' } },
  { type: 'CustomerRegistered', customerId: blaise, occurredAt: '2025-01-10T10:00:00Z', data: { partyKind: 'prospect' } },
  { type: 'CustomerProfileUpdated', customerId: blaise, occurredAt: '2025-01-10T10:01:00Z', data: { address: { country: 'FR' } } },
  { type: 'CustomerRegistered', customerId: charles, occurredAt: '2025-01-12T10:00:00Z', data: { partyKind: 'customer' } },
  { type: 'CustomerProfileUpdated', customerId: charles, occurredAt: '2025-01-12T10:01:00Z', data: { address: { country: 'GB' } } },
  { type: 'OrderPlaced', customerId: charles, occurredAt: '2025-02-10T12:00:00Z', data: order(`o3-${run}`, '22423', 1, 500, 'furniture') },
];

const mongoUrl = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:37017/';
const mongoDatabase = `cdp_e2e_analyst_${run}`;
/** The same API over each read store: what reaches MongoDB from a query string must be as harmless as on SQLite. */
const readStores: { store: string; env: Record<string, string> }[] = [
  { store: 'the embedded read store', env: {} },
  { store: 'FerretDB', env: { READ_STORE: 'mongodb', MONGODB_URL: mongoUrl, MONGODB_DATABASE: mongoDatabase } },
];

describe.each(readStores)('the analyst API on $store: 360° view, timeline, search, stats', ({ env }) => {
  let dataDir: string;
  let platform: RunningPlatform;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${platform.baseUrl}${path}`, { headers });
  const withPersonalData = { authorization: `Bearer ${personalDataToken}` };
  const problemOf = async (path: string) => {
    const res = await get(path);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return { status: res.status, problem: await readJson<ProblemBody>(res) };
  };

  beforeAll(async () => {
    dataDir = freshDataDir();
    platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, API_TOKENS: `${personalDataToken}:analyst+personal-data`, ...env });
    const res = await fetch(`${platform.baseUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(history) });
    expect(res.status).toBe(200);
    await waitUntil('the projection has folded the history', async () => {
      const view = await get(`/v1/customers/${charles}`);
      return view.status === 200 && (await readJson<ViewBody>(view)).view.orderCount === 1;
    });
    await waitUntil('ada is complete', async () => (await readJson<ViewBody>(await get(`/v1/customers/${ada}`))).view.openComplaintCount === 1);
  });
  afterAll(async () => {
    await platform?.stop();
    removeDataDir(dataDir);
    if (env.MONGODB_DATABASE) await dropDatabase(env.MONGODB_URL, env.MONGODB_DATABASE);
  });

  it('shows a customer whole, without personal data for a plain analyst', async () => {
    const body = await readJson<ViewBody>(await get(`/v1/customers/${ada}`));
    expect(body).toMatchObject({ customerId: ada, source: 'read-model', personalData: 'hidden' });
    expect(body.view).toMatchObject({
      partyKind: 'customer',
      country: 'GB',
      orderCount: 2,
      revenue: { GBP: 215.3 },
      reportingRevenue: 215.3,
      openComplaintCount: 1,
      openReturns: [expect.objectContaining({ returnId: `r1-${run}`, productId: '71053' })],
      consents: { email: { marketing: expect.objectContaining({ granted: true }) } },
    });
    expect(body.view.profile).toEqual(expect.objectContaining({ address: { country: 'GB' } }));
    expect(JSON.stringify(body)).not.toContain('pii:v1');
    expect(JSON.stringify(body)).not.toContain('It broke');
    expect(body.view.recentActivity.map((activity) => activity.type)).toContain('ReturnRequested');
  });

  it('shows the personal fields, decrypted, to the personal-data role', async () => {
    const body = await readJson<ViewBody>(await get(`/v1/customers/${ada}`, withPersonalData));
    expect(body.personalData).toBe('shown');
    expect(body.view.profile).toMatchObject({ name: 'Ada Lovelace', email: `${ada}@example.org`, address: { city: 'London', country: 'GB' } });
  });

  it('travels in time: the view as of a past moment folds the stream up to it', async () => {
    const between = await readJson<ViewBody>(await get(`/v1/customers/${ada}?asOf=2025-02-15T00:00:00Z`));
    expect(between).toMatchObject({ source: 'event-store', asOf: '2025-02-15T00:00:00.000Z' });
    expect(between.view).toMatchObject({ orderCount: 1, revenue: { GBP: 15.3 }, openComplaintCount: 0, openReturns: [] });
    const before = await problemOf(`/v1/customers/${ada}?asOf=2024-12-31T00:00:00Z`);
    expect(before.status).toBe(404);
    const now = await readJson<ViewBody>(await get(`/v1/customers/${ada}?asOf=2030-01-01T00:00:00Z`));
    expect(now.view.orderCount).toBe(2);
  });

  it('answers an unknown customer with 404 and a bad parameter with 400 naming it', async () => {
    expect((await problemOf(`/v1/customers/nobody-${run}`)).status).toBe(404);
    const badAsOf = await problemOf(`/v1/customers/${ada}?asOf=yesterday`);
    expect(badAsOf.status).toBe(400);
    expect(badAsOf.problem.errors?.map((error) => error.path)).toEqual(['asOf']);
    expect((await problemOf(`/v1/customers/nobody-${run}/timeline`)).status).toBe(404);
  });

  it.each([
    ['asOf', `/v1/customers/${ada}?asOf=2025-W05`],
    ['asOf', `/v1/customers/${ada}?asOf=2025-02-30`],
    ['lastOrderFrom', `/v1/customers?lastOrderFrom=20250205`],
    ['lastOrderTo', `/v1/customers?lastOrderTo=2025-032`],
    ['from', `/v1/customers/${ada}/timeline?from=2025-02-05T10`],
    // Without its time zone a date-time would mean the server's local time.
    ['to', `/v1/customers/${ada}/timeline?to=2025-02-05T10:00`],
  ])('refuses a date it cannot read without guessing: %s in %s', async (parameter, path) => {
    const refused = await problemOf(path);
    expect(refused.status).toBe(400);
    expect(refused.problem.errors?.map((error) => error.path)).toEqual([parameter]);
    expect(refused.problem.errors?.[0].message).toContain('2011-06-01T09:30:00Z');
  });

  it('pages the timeline from the event store, newest first, filtered by kind', async () => {
    const orders = await readJson<TimelineBody>(await get(`/v1/customers/${ada}/timeline?kind=order`));
    expect(orders.items.map((item) => item.type)).toEqual(['OrderPlaced', 'OrderPlaced']);
    expect(orders.items[0].summary).toContain(`o2-${run}`);

    const first = await readJson<TimelineBody>(await get(`/v1/customers/${ada}/timeline?limit=3`));
    expect(first.items.map((item) => item.type)).toEqual(['InteractionRecorded', 'ComplaintOpened', 'ReturnRequested']);
    expect(first.items[1].data).not.toHaveProperty('description');
    const second = await readJson<TimelineBody>(await get(`/v1/customers/${ada}/timeline?limit=10&before=${first.nextBefore}`));
    expect(second.items.map((item) => item.type)).toEqual(['OrderPlaced', 'OrderPlaced', 'ConsentGranted', 'CustomerProfileUpdated', 'CustomerRegistered']);
    expect(second.nextBefore).toBeNull();
    const revisions = [...first.items, ...second.items].map((item) => item.revision);
    expect(revisions).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);

    // Business time: from is inclusive, to exclusive; a date is midnight UTC.
    const march = await readJson<TimelineBody>(await get(`/v1/customers/${ada}/timeline?from=2025-03-01T12:00:00Z&to=2025-03-05`));
    expect(march.items.map((item) => item.type)).toEqual(['ComplaintOpened', 'ReturnRequested', 'OrderPlaced']);
    const marchOrders = await readJson<TimelineBody>(await get(`/v1/customers/${ada}/timeline?kind=order&from=2025-02-15T00:00:00%2B01:00`));
    expect(marchOrders.items.map((item) => item.summary)).toEqual([expect.stringContaining(`o2-${run}`)]);
  });

  it('searches by country and revenue, sorted, with cursor pagination', async () => {
    const page1 = await readJson<SearchBody>(await get(`/v1/customers?country=GB&sort=-reportingRevenue&limit=1&total=true`));
    const ours = (items: SearchBody['items']) => items.filter((item) => item.customerId.endsWith(run));
    expect(page1.total).toBeGreaterThanOrEqual(2);
    const all: SearchBody['items'] = [...page1.items];
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = await readJson<SearchBody>(await get(`/v1/customers?country=GB&sort=-reportingRevenue&limit=1&cursor=${encodeURIComponent(cursor)}`));
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(all).toHaveLength(page1.total as number);
    expect(ours(all).map((item) => item.customerId)).toEqual([charles, ada]);
    const revenues = all.map((item) => item.reportingRevenue);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));

    const rich = await readJson<SearchBody>(await get(`/v1/customers?revenueMin=200&revenueMax=400`));
    expect(ours(rich.items).map((item) => item.customerId)).toEqual([ada]);
    const prospects = await readJson<SearchBody>(await get(`/v1/customers?stage=prospect&partyKind=prospect`));
    expect(ours(prospects.items).map((item) => item.customerId)).toEqual([blaise]);
    const lastOrder = await readJson<SearchBody>(await get(`/v1/customers?lastOrderFrom=2025-02-05&lastOrderTo=2025-02-20`));
    expect(ours(lastOrder.items).map((item) => item.customerId)).toEqual([charles]);
  });

  it('refuses operator injection in the query string', async () => {
    const where = await problemOf(`/v1/customers?%24where=sleep(1000)`);
    expect(where.status).toBe(400);
    expect(where.problem.errors?.map((error) => error.path)).toEqual(['$where']);
    // Express 5 parses query strings flat: `country[$gt]` is a parameter of its own, unknown, hence refused.
    const gt = await problemOf(`/v1/customers?country%5B%24gt%5D=`);
    expect(gt.status).toBe(400);
    expect(gt.problem.errors?.map((error) => error.path)).toEqual(['country[$gt]']);
    const json = await problemOf(`/v1/customers?partyKind=${encodeURIComponent('{"$gt":""}')}`);
    expect(json.status).toBe(400);
    expect(json.problem.errors?.map((error) => error.path)).toEqual(['partyKind']);
    const cursor = await problemOf(`/v1/customers?cursor=${encodeURIComponent('{"$gt":""}')}`);
    expect(cursor.status).toBe(400);
    const revenue = await problemOf(`/v1/customers?revenueMin=lots`);
    expect(revenue.problem.errors?.map((error) => error.path)).toEqual(['revenueMin']);
    for (const smuggled of ['{"$gt":""}', '{"$where":"sleep(1000)"}', '{"$ne":null}']) {
      const country = await problemOf(`/v1/customers?country=${encodeURIComponent(smuggled)}`);
      expect(country.status).toBe(400);
      expect(country.problem.errors?.map((error) => error.path)).toEqual(['country']);
    }
    // Repeated, a parameter is a list of plain values: no operator among them.
    const repeated = await problemOf(`/v1/customers?country=GB&country=${encodeURIComponent('{"$gt":""}')}`);
    expect(repeated.problem.errors?.map((error) => error.path)).toEqual(['country']);
    const sort = await problemOf(`/v1/customers?sort=${encodeURIComponent('{"$natural":1}')}`);
    expect(sort.problem.errors?.map((error) => error.path)).toEqual(['sort']);
  });

  it('exports every match as CSV and as NDJSON, streamed', async () => {
    const csv = await get(`/v1/customers?country=GB,FR&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0].split(',')).toEqual(expect.arrayContaining(['customerId', 'country', 'lifecycleStage', 'reportingRevenue']));
    const count = (await readJson<SearchBody>(await get(`/v1/customers?country=GB,FR&total=true&limit=1`))).total;
    expect(rows).toHaveLength((count as number) + 1);
    expect(rows.some((row) => row.startsWith(`${blaise},`))).toBe(true);

    const ndjson = await get(`/v1/customers?country=FR`, { accept: 'application/x-ndjson' });
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await ndjson.text()).trim().split('\n').map((line) => JSON.parse(line) as { customerId: string; country: string });
    expect(lines.every((line) => line.country === 'FR')).toBe(true);
    expect(lines.map((line) => line.customerId)).toContain(blaise);

    const firstTwo = (await (await get(`/v1/customers?country=GB&format=ndjson&limit=2`)).text()).trim().split('\n');
    expect(firstTwo).toHaveLength(2);
  });

  it('refuses a bad export with a problem response, before any line of it is sent', async () => {
    const conflicting = await problemOf(`/v1/customers?format=ndjson&rfm=545&rfmFrequency=3`);
    expect(conflicting.status).toBe(400);
    expect(conflicting.problem.errors?.map((error) => error.path)).toEqual(['rfm']);
    const csv = await problemOf(`/v1/customers?format=csv&rfm=545&rfmFrequency=3`);
    expect(csv.status).toBe(400);
    const paged = await problemOf(`/v1/customers?format=csv&cursor=abc&total=true`);
    expect(paged.status).toBe(400);
    expect(paged.problem.errors?.map((error) => error.path)).toEqual(['cursor', 'total']);
  });

  it('counts by stage, country and party kind, and sums revenue by month', async () => {
    const stats = await readJson<{
      customers: number;
      byStage: Record<string, number>;
      byCountry: { country: string; customers: number }[];
      byPartyKind: { partyKind: string; customers: number }[];
      revenueByMonth: { month: string; currency: string; orders: number; revenue: number }[];
    }>(await get('/v1/stats'));
    expect(stats.customers).toBeGreaterThanOrEqual(3);
    expect(Object.values(stats.byStage).reduce((a, b) => a + b, 0)).toBe(stats.customers);
    expect(stats.byCountry.find((entry) => entry.country === 'FR')?.customers).toBeGreaterThanOrEqual(1);
    expect(stats.byPartyKind.find((entry) => entry.partyKind === 'prospect')?.customers).toBeGreaterThanOrEqual(1);
    expect(stats.revenueByMonth.find((month) => month.month === '2025-03' && month.currency === 'GBP')).toMatchObject({ orders: 1, revenue: 200 });
  });

  it('shows each projection with its checkpoint and lag', async () => {
    const body = await readJson<{ projections: { name: string; state: string; lag: { events: number } }[] }>(await get('/v1/projections'));
    expect(body.projections.map((projection) => projection.name).sort()).toEqual(['audiences', 'customer-360', 'sales-by-month']);
    expect(body.projections.every((projection) => projection.state === 'running' && projection.lag.events === 0)).toBe(true);
  });

  it('documents the analyst endpoints in OpenAPI', async () => {
    const doc = await readJson<OpenApiBody>(await get('/docs-json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/customers', '/v1/customers/{customerId}', '/v1/customers/{customerId}/timeline', '/v1/stats', '/v1/projections']),
    );
  });
});

async function dropDatabase(url: string, database: string): Promise<void> {
  const client = await new MongoClient(url).connect();
  try {
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
}
