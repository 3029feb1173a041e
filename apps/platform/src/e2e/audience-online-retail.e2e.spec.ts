import { parse } from 'csv-parse';
import { classifyStockCode, ukLocalTimeToEpochMs } from '@cdp/online-retail-import';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { readJson } from './api-bodies';
import { figure, onlineRetailCsv, runImport } from './import-process';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { waitUntil } from './wait-until';

// The headline rule on real data: a year of a retailer's invoices, whose credit notes are returns. The products and the
// moments are picked from the file itself; what the audience leaves out for returns is derived from the file alone.

jest.setTimeout(900_000);

const dayMs = 86_400_000;
const coolingOffDays = 30;

/** One return of the file: a credit-note line of a customer, for a product. Refunded unless priced 0 (then still open). */
type FileReturn = { customerId: string; at: number; refunded: boolean };

interface FileFacts {
  returnsByProduct: Map<string, FileReturn[]>;
  buyersByProduct: Map<string, Set<string>>;
  customers: Set<string>;
}

async function readFile(): Promise<FileFacts> {
  const facts: FileFacts = { returnsByProduct: new Map(), buyersByProduct: new Map(), customers: new Set() };
  const records = createReadStream(onlineRetailCsv).pipe(createGunzip()).pipe(parse({ columns: true }));
  for await (const record of records as AsyncIterable<Record<string, string>>) {
    if (record.CustomerID === '') continue;
    const customerId = String(Number(record.CustomerID));
    facts.customers.add(customerId);
    if (classifyStockCode(record.StockCode).kind !== 'product') continue;
    const quantity = Number(record.Quantity);
    if (record.InvoiceNo.startsWith('C')) {
      const list = facts.returnsByProduct.get(record.StockCode) ?? [];
      list.push({ customerId, at: ukLocalTimeToEpochMs(record.InvoiceDate) as number, refunded: Number(record.UnitPrice) > 0 });
      facts.returnsByProduct.set(record.StockCode, list);
    } else if (quantity > 0) {
      const buyers = facts.buyersByProduct.get(record.StockCode) ?? new Set<string>();
      buyers.add(customerId);
      facts.buyersByProduct.set(record.StockCode, buyers);
    }
  }
  return facts;
}

/** Who a return of the product blocks at `asOf`: returned by then, and still open, or closed less than the cooling-off period before. */
function blockedByReturns(returns: readonly FileReturn[], asOf: number): string[] {
  const blocked = returns.filter(({ at, refunded }) => at <= asOf && (!refunded || at + coolingOffDays * dayMs > asOf));
  return [...new Set(blocked.map(({ customerId }) => customerId))].sort();
}

interface Summary {
  audienceId: string;
  counts: { members: number; byRule: Record<string, number> };
}
interface Excluded {
  customerId: string;
  reasons: { rule: string; productId: string | null }[];
}

describe('the suppression rule on the Online Retail data set', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let facts: FileFacts;
  const url = (path: string) => `${platform.baseUrl}${path}`;
  const post = (path: string, body: unknown) => fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** The customers the audience of a campaign for `product` left out because of a return, at `asOf`. */
  async function leftOutForReturns(campaignId: string, product: string, asOf: Date): Promise<{ ids: string[]; summary: Summary }> {
    const planned = await post('/v1/campaigns', {
      campaignId,
      name: `Promote ${product}`,
      channel: 'email',
      purpose: 'marketing',
      products: [{ sku: product }],
      audienceSegmentId: 'everyone',
      sendAt: asOf.toISOString(),
    });
    expect(planned.status).toBe(201);
    const computed = await post(`/v1/campaigns/${campaignId}/audience`, { asOf: asOf.toISOString() });
    expect(computed.status).toBe(201);
    const summary = await readJson<Summary>(computed);
    const ndjson = await (await fetch(url(`/v1/campaigns/${campaignId}/audiences/${summary.audienceId}/excluded?format=ndjson`))).text();
    const excluded = ndjson.trim().split('\n').map((line) => JSON.parse(line) as Excluded);
    const ids = excluded.filter(({ reasons }) => reasons.some((reason) => reason.productId !== null)).map(({ customerId }) => customerId);
    return { ids: ids.sort(), summary };
  }

  beforeAll(async () => {
    dataDir = freshDataDir();
    const [imported, read] = await Promise.all([runImport(['--online-retail', onlineRetailCsv], dataDir, { EVENT_STORE_DATA_DIR: dataDir }), readFile()]);
    expect(imported.code).toBe(0);
    expect(figure(imported.stdout, 'recorded')).toBe(44_579);
    facts = read;
    platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir });
    expect((await post('/v1/segments', { segmentId: 'everyone', name: 'Every customer', conditions: { field: 'orderCount', op: 'gte', value: 0 } })).status).toBe(201);
    await waitUntil('every customer is evaluated', async () => (await readJson<{ status: string }>(await fetch(url('/v1/segments/everyone')))).status === 'active', 300_000);
  });

  afterAll(async () => {
    await platform?.stop();
    if (dataDir) removeDataDir(dataDir);
  });

  it('blocks, for the most returned product, exactly the customers whose return falls inside the window', async () => {
    const [product, returns] = [...facts.returnsByProduct].sort(([, a], [, b]) => new Set(b.map((r) => r.customerId)).size - new Set(a.map((r) => r.customerId)).size)[0];
    // The median moment of its returns: some fall inside the 30 days before it, most do not.
    const moments = returns.map(({ at }) => at).sort((a, b) => a - b);
    const asOf = new Date(moments[Math.floor(moments.length / 2)]);
    const expected = blockedByReturns(returns, asOf.getTime());
    const everyReturner = new Set(returns.map(({ customerId }) => customerId));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everyReturner.size);

    const { ids, summary } = await leftOutForReturns('retail-most-returned', product, asOf);
    console.log(`${product} as of ${asOf.toISOString()}: ${ids.length} of ${everyReturner.size} returning customers blocked for a return; ${summary.counts.members} members`);
    expect(summary.counts.members).toBe(facts.customers.size);
    expect(ids).toEqual(expected);
    expect(summary.counts.byRule['open-return'] + summary.counts.byRule['recent-return']).toBeGreaterThanOrEqual(expected.length);

    // The eligibility of one customer says the same, from the customer's own events.
    for (const customerId of [...expected.slice(0, 10), ...[...everyReturner].filter((id) => !expected.includes(id)).slice(0, 10)]) {
      const answer = await readJson<{ reasons: { productId: string | null }[] }>(await fetch(url(`/v1/campaigns/retail-most-returned/eligibility/${customerId}?asOf=${asOf.toISOString()}`)));
      expect({ customerId, blocked: answer.reasons.some((reason) => reason.productId !== null) }).toEqual({ customerId, blocked: expected.includes(customerId) });
    }
  });

  it('blocks nobody for returns in a campaign for a product nobody returned', async () => {
    const [product, buyers] = [...facts.buyersByProduct].filter(([code]) => !facts.returnsByProduct.has(code)).sort(([, a], [, b]) => b.size - a.size)[0];
    expect(buyers.size).toBeGreaterThan(50);
    const { ids, summary } = await leftOutForReturns('retail-never-returned', product, new Date('2011-12-09T13:00:00Z'));
    expect(ids).toEqual([]);
    expect(summary.counts.byRule).toMatchObject({ 'open-return': 0, 'recent-return': 0, 'open-complaint': 0 });
  });
});
