import { randomUUID } from 'node:crypto';
import { ProblemBody, readJson } from './api-bodies';
import { createTestTopics, dropTestTopics, headerText, readWholeTopic, TestTopics } from './kafka-topics';
import { postEvents } from './one-visit';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { waitUntil } from './wait-until';

interface SegmentBody {
  segmentId: string;
  version: number;
  status: string;
  size: number;
  evaluation: { evaluated: number; total: number | null; progress: number | null };
  sizeOverTime?: { day: string; size: number }[];
}
interface Change {
  changeId: string;
  segmentId: string;
  segmentVersion: number;
  customerId: string;
  change: 'entered' | 'left';
  at: string;
  cause: { kind: string; position?: string; eventId?: string; version?: number };
}
interface CustomerSegmentsBody {
  segments: { segmentId: string; name: string; since: string; version: number }[];
  history: Change[];
}

const run = randomUUID().slice(0, 8);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const customer = (index: number) => `seg-${run}-${String(index).padStart(2, '0')}`;
const consent = (customerId: string) => ({ type: 'ConsentGranted', customerId, occurredAt: daysAgo(60), data: { channel: 'email', purpose: 'marketing' } });
const lampOrder = (customerId: string, days: number) => ({
  type: 'OrderPlaced',
  customerId,
  occurredAt: daysAgo(days),
  data: { orderId: `o-${customerId}-${days}`, lines: [{ productId: 'LAMP', sku: 'LAMP', category: 'lighting', quantity: 1, unitPrice: 20, currency: 'GBP' }] },
});
const lampBuyers = { all: [{ bought: { product: 'LAMP', withinDays: 30 } }, { consent: { channel: 'email' } }] };

describe('segments through the API, membership on Kafka', () => {
  let topics: TestTopics;
  let changesTopic: string;
  let dataDir: string;
  let platform: RunningPlatform;
  const url = (path: string) => `${platform.baseUrl}${path}`;
  const send = (method: string, path: string, body?: unknown) =>
    fetch(url(path), { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const segment = async (segmentId: string) => readJson<SegmentBody>(await fetch(url(`/v1/segments/${segmentId}`)));
  const activeAt = async (segmentId: string, version: number) => {
    await waitUntil(`segment ${segmentId} v${version} active`, async () => {
      const body = await segment(segmentId);
      return body.version === version && body.status === 'active';
    });
    return segment(segmentId);
  };
  const allMembers = async (segmentId: string, limit: number) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { customerId: string }[]; nextCursor: string | null } = await readJson(
        await fetch(url(`/v1/segments/${segmentId}/members?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)),
      );
      ids.push(...page.items.map((item) => item.customerId));
      cursor = page.nextCursor;
    } while (cursor);
    return ids.sort();
  };
  const customerSegments = async (customerId: string) => readJson<CustomerSegmentsBody>(await fetch(url(`/v1/customers/${customerId}/segments`)));

  // 30 customers: the even ones consent to e-mail; a third bought a lamp 10 days ago, a third 45 days ago.
  const customers = Array.from({ length: 30 }, (_, index) => index);
  const recentLampBuyers = customers.filter((index) => index % 3 === 0);
  const expected = recentLampBuyers.filter((index) => index % 2 === 0).map(customer);

  beforeAll(async () => {
    topics = await createTestTopics('segments');
    changesTopic = topics.platformEnv.SEGMENT_CHANGES_TOPIC;
    dataDir = freshDataDir();
    platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, ...topics.platformEnv });
    const events = customers.flatMap((index) => [
      ...(index % 2 === 0 ? [consent(customer(index))] : []),
      ...(index % 3 === 0 ? [lampOrder(customer(index), 10)] : index % 3 === 1 ? [lampOrder(customer(index), 45)] : []),
    ]);
    expect((await postEvents(platform.baseUrl, events)).status).toBe(200);
  });

  afterAll(async () => {
    await platform?.stop();
    if (topics) await dropTestTopics(topics);
    if (dataDir) removeDataDir(dataDir);
  });

  it('refuses a definition that does not validate with a 400 that points at the faulty node', async () => {
    const res = await send('POST', '/v1/segments', { segmentId: `bad-${run}`, name: 'Bad', conditions: { all: [lampBuyers.all[0], { field: 'agee', op: 'gte', value: 30 }] } });
    expect(res.status).toBe(400);
    const problem = await readJson<ProblemBody>(res);
    expect(problem.detail).toContain('conditions.all[1].field: unknown field "agee"; did you mean "age"?');
    expect(problem.errors).toEqual([{ path: 'conditions.all[1].field', message: expect.stringMatching(/^unknown field "agee"/) }]);
    expect((await send('POST', '/v1/segments', { name: 'No conditions' })).status).toBe(400);
    expect((await fetch(url(`/v1/segments/bad-${run}`))).status).toBe(404);
  });

  it('evaluates a new segment over every customer, and serves its members paged and exported', async () => {
    const defined = await send('POST', '/v1/segments', { segmentId: `lamps-${run}`, name: 'Recent lamp buyers', conditions: lampBuyers });
    expect(defined.status).toBe(201);
    expect(await readJson(defined)).toMatchObject({ segmentId: `lamps-${run}`, version: 1, conditions: { all: [{ bought: { product: 'LAMP', atLeast: 1, withinDays: 30 } }, { consent: { channel: 'email', purpose: 'marketing' } }] } });
    const retry = await send('POST', '/v1/segments', { segmentId: `lamps-${run}`, name: 'Recent lamp buyers', conditions: lampBuyers });
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, 'true']);

    const active = await activeAt(`lamps-${run}`, 1);
    expect(active).toMatchObject({ size: expected.length, evaluation: { evaluated: customers.filter((index) => index % 2 === 0 || index % 3 !== 2).length, progress: 1 } });
    expect(active.sizeOverTime).toEqual([{ day: new Date().toISOString().slice(0, 10), size: expected.length }]);
    expect(await allMembers(`lamps-${run}`, 2)).toEqual(expected);

    const csv = await fetch(url(`/v1/segments/lamps-${run}/members?format=csv`));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('customerId');
    expect(lines.slice(1).sort()).toEqual(expected);
    const ndjson = await fetch(url(`/v1/segments/lamps-${run}/members`), { headers: { accept: 'application/x-ndjson' } });
    expect((await ndjson.text()).trim().split('\n').map((line) => (JSON.parse(line) as { customerId: string }).customerId).sort()).toEqual(expected);

    const [member] = expected;
    expect(await customerSegments(member)).toMatchObject({
      segments: [{ segmentId: `lamps-${run}`, name: 'Recent lamp buyers', version: 1 }],
      history: [{ change: 'entered', cause: { kind: 'definition', version: 1 } }],
    });
  });

  it('lets a customer enter on the event that makes them match, and publishes every change on Kafka, keyed by customer', async () => {
    const newcomer = customer(99);
    const res = await postEvents(platform.baseUrl, [consent(newcomer), lampOrder(newcomer, 1)]);
    const recorded = (await readJson<{ results: { eventIds: string[] }[] }>(res)).results;
    await waitUntil('the newcomer enters', async () => (await allMembers(`lamps-${run}`, 100)).includes(newcomer));
    const [entered] = (await customerSegments(newcomer)).history;
    expect(entered).toMatchObject({ change: 'entered', segmentVersion: 1, cause: { kind: 'event', eventId: recorded[1].eventIds[0], position: expect.stringMatching(/^\d{20}$/) } });

    const messages = await readWholeTopic(topics, changesTopic);
    const published = messages.map(({ message }) => ({ key: message.key?.toString(), id: headerText(message.headers, 'cdp-change-id'), change: JSON.parse(message.value!.toString()) as Change }));
    for (const { key, id, change } of published) expect([key, id]).toEqual([change.customerId, change.changeId]);
    expect(new Set(published.map(({ id }) => id)).size).toBe(published.length);
    expect(published.filter(({ change }) => change.change === 'entered').map(({ key }) => key).sort()).toEqual([...expected, newcomer].sort());
  });

  it('reads personal fields, encrypted at rest, only to evaluate the segments that need them', async () => {
    const [adult, child] = [customer(80), customer(81)];
    const profile = (customerId: string, birthDate: string) => ({ type: 'CustomerProfileUpdated', customerId, occurredAt: daysAgo(5), data: { birthDate, gender: 'female' } });
    expect((await postEvents(platform.baseUrl, [profile(adult, '1980-06-01'), profile(child, `${new Date().getUTCFullYear() - 10}-01-01`)])).status).toBe(200);
    const defined = await send('POST', '/v1/segments', { segmentId: `adults-${run}`, name: 'Adult women', conditions: { all: [{ field: 'age', op: 'gte', value: 18 }, { field: 'gender', op: 'eq', value: 'female' }] } });
    expect(defined.status).toBe(201);
    await activeAt(`adults-${run}`, 1);
    expect(await allMembers(`adults-${run}`, 100)).toEqual([adult]);
    // The customer's next birthday is when the answer may change by itself.
    expect((await readJson<{ nextCheckAt: string }>(await fetch(url(`/v1/customers/${adult}/segments`)))).nextCheckAt).toMatch(/-06-01T00:00:00\.000Z$/);
  });

  it('makes members leave when a redefinition excludes them, and keeps an archived segment as it was', async () => {
    const narrower = { all: [{ bought: { product: 'LAMP', withinDays: 5 } }, { consent: { channel: 'email' } }] };
    const redefined = await send('PUT', `/v1/segments/lamps-${run}`, { name: 'Lamp buyers this week', conditions: narrower });
    expect(redefined.status).toBe(200);
    expect((await activeAt(`lamps-${run}`, 2)).size).toBe(1);
    expect(await allMembers(`lamps-${run}`, 100)).toEqual([customer(99)]);
    const [left] = (await customerSegments(expected[0])).history;
    expect(left).toMatchObject({ change: 'left', segmentVersion: 2, cause: { kind: 'definition', version: 2 } });
    expect((await customerSegments(expected[0])).segments).toEqual([]);

    const archived = await send('DELETE', `/v1/segments/lamps-${run}`, { reason: 'test over' });
    expect(await readJson(archived)).toMatchObject({ status: 'archived', archiveReason: 'test over' });
    expect((await send('PUT', `/v1/segments/lamps-${run}`, { name: 'x', conditions: narrower })).status).toBe(409);
    const list = await readJson<{ segments: SegmentBody[] }>(await fetch(url('/v1/segments')));
    await waitUntil('the archive is seen', async () => (await segment(`lamps-${run}`)).status === 'archived');
    expect(list.segments.map((item) => item.segmentId)).toContain(`lamps-${run}`);
    expect(await allMembers(`lamps-${run}`, 100)).toEqual([customer(99)]);
  });
});
