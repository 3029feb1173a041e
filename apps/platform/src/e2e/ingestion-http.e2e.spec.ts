import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { EventsPageBody, ProblemBody, readJson } from './api-bodies';
import { waitUntil } from './wait-until';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';

interface ResultBody {
  status: string;
  customerId?: string;
  eventIds?: string[];
  code?: string;
  message?: string;
}

interface BatchBody {
  results: ResultBody[];
  counts: Record<string, number>;
}

const json = { 'content-type': 'application/json' };
const occurredAt = '2025-04-01T08:00:00Z';

describe('POST /v1/events', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  const post = (body: unknown) => fetch(`${platform.baseUrl}/v1/events`, { method: 'POST', headers: json, body: JSON.stringify(body) });
  const personalDataToken = 'e2e-personal-data-reader-token';
  const eventsOf = async (customerId: string, headers: Record<string, string> = {}) =>
    readJson<EventsPageBody>(await fetch(`${platform.baseUrl}/v1/customers/${customerId}/events`, { headers }));

  beforeAll(async () => {
    dataDir = freshDataDir();
    platform = await startPlatform({
      EVENT_STORE_DATA_DIR: dataDir,
      INGEST_MAX_MESSAGE_BYTES: '2048',
      API_TOKENS: `${personalDataToken}:analyst+personal-data`,
    });
  });
  afterAll(async () => {
    await platform?.stop();
    removeDataDir(dataDir);
  });

  it('records one event (201), and answers a retry with the same event id as replayed (200)', async () => {
    const customerId = `c-${randomUUID()}`;
    const event = { type: 'ConsentGranted', customerId, eventId: randomUUID(), occurredAt, data: { channel: 'email', purpose: 'marketing' } };

    const first = await post(event);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ status: 'recorded', customerId, eventIds: [event.eventId] });
    const retry = await post(event);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual({ status: 'duplicate', customerId, eventIds: [event.eventId] });
    expect((await eventsOf(customerId)).events).toHaveLength(1);
  });

  it('refuses an invalid event with a problem that names each field to fix', async () => {
    const res = await post({ type: 'OrderPlaced', customerId: 'c-1', occurredAt, data: { orderId: 'o-1', lines: [{ productId: 'p', sku: 'P', quantity: 0, unitPrice: 1, currency: 'euro' }] } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await readJson<ProblemBody>(res);
    expect(problem).toMatchObject({ code: 'schema-violation', type: 'urn:cdp:problem:schema-violation', status: 400 });
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['data.lines.0.currency', 'data.lines.0.quantity']);
  });

  it.each([
    ['an unknown type', { type: 'CustomerTeleported', customerId: 'c-1', occurredAt, data: {} }, 400, 'unknown-event-type'],
    ['an event over the size limit', { type: 'InteractionRecorded', customerId: 'c-1', occurredAt, data: { channel: 'web', direction: 'inbound', kind: 'x', note: 'n'.repeat(1_900) } }, 413, 'payload-too-large'],
    ['an identifier nobody is linked to', { type: 'InteractionRecorded', identifier: { kind: 'email', value: 'ghost@example.org' }, occurredAt, data: { channel: 'web', direction: 'inbound', kind: 'visit' } }, 422, 'unknown-identifier'],
  ])('refuses %s with the right status and code', async (_what, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(await readJson<ProblemBody>(res)).toMatchObject({ status, code });
  });

  it('ingests a batch in order, with a result per event, refusing only the bad ones', async () => {
    const customerId = `c-${randomUUID()}`;
    const res = await post([
      { type: 'CustomerRegistered', customerId, occurredAt, data: { partyKind: 'prospect' } },
      { type: 'PartyKindChanged', customerId, occurredAt, data: { to: 'customer' } },
      { type: 'CustomerRegistered', customerId, occurredAt, data: { partyKind: 'customer' } },
      { type: 'InteractionRecorded', customerId, occurredAt, data: { channel: 'fax', direction: 'inbound', kind: 'x' } },
      { type: 'ReturnRequested', customerId, occurredAt, data: { returnId: 'r-1', productId: 'p-9', quantity: 1, reason: 'defective', channel: 'web' } },
    ]);
    expect(res.status).toBe(200);
    const body = await readJson<BatchBody>(res);
    expect(body.results.map((result) => result.status === 'rejected' ? result.code : result.status)).toEqual([
      'recorded',
      'recorded',
      'customer-already-registered',
      'schema-violation',
      'recorded',
    ]);
    expect(body.counts).toEqual({ recorded: 3, duplicate: 0, unchanged: 0, rejected: 2 });
    const { events } = await eventsOf(customerId);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['CustomerRegistered', { partyKind: 'prospect' }],
      ['PartyKindChanged', { from: 'prospect', to: 'customer' }],
      ['ReturnRequested', { returnId: 'r-1', productId: 'p-9', quantity: 1, reason: 'defective', channel: 'web' }],
    ]);
  });

  it('refuses a body that is not JSON, saying so', async () => {
    const res = await fetch(`${platform.baseUrl}/v1/events`, { method: 'POST', headers: json, body: '{"type": ' });
    expect(res.status).toBe(400);
    expect(await readJson<ProblemBody>(res)).toMatchObject({ code: 'invalid-json', detail: expect.stringContaining('send a JSON object') });
  });

  it('refuses an empty batch', async () => {
    const res = await post([]);
    expect(res.status).toBe(400);
    expect((await readJson<ProblemBody>(res)).errors).toEqual([{ path: 'body', message: 'send 1 to 1000 events per request, got 0' }]);
  });

  it('files events sent with a linked identifier under its customer, and refuses a second owner', async () => {
    const customerId = `c-${randomUUID()}`;
    const email = `ada-${randomUUID()}@example.org`;
    expect((await post({ type: 'IdentityLinked', customerId, occurredAt, data: { kind: 'email', value: email } })).status).toBe(201);

    const viaEmail = await post({ type: 'InteractionRecorded', identifier: { kind: 'email', value: ` ${email.toUpperCase()} ` }, occurredAt, data: { channel: 'email', direction: 'inbound', kind: 'email-clicked' } });
    expect(viaEmail.status).toBe(201);
    expect(await viaEmail.json()).toMatchObject({ status: 'recorded', customerId });

    const stolen = await post({ type: 'IdentityLinked', customerId: `c-${randomUUID()}`, occurredAt, data: { kind: 'email', value: email } });
    expect(stolen.status).toBe(409);
    expect(await readJson<ProblemBody>(stolen)).toMatchObject({ code: 'identity-already-linked', detail: expect.stringContaining(customerId) });
  });

  it('stores personal fields encrypted, shows them decrypted to the personal-data role only, and keeps them sealed in the read models', async () => {
    const customerId = `c-${randomUUID()}`;
    const email = `grace-${randomUUID()}@example.org`;
    const res = await post({ type: 'CustomerProfileUpdated', customerId, occurredAt, data: { name: 'Grace Hopper', email, address: { city: 'Arlington', country: 'US' } } });
    expect(res.status).toBe(201);

    const [event] = (await eventsOf(customerId, { authorization: `Bearer ${personalDataToken}` })).events;
    expect(event.data).toEqual({ name: 'Grace Hopper', email, address: { city: 'Arlington', country: 'US' } });
    const [anonymous] = (await eventsOf(customerId)).events;
    expect(anonymous.data).toEqual({ address: { country: 'US' } });

    const raw = openEmbeddedEventStore({ dataDir, readOnly: true });
    const stored: Record<string, unknown>[] = [];
    for await (const e of raw.readStream(`customer-${customerId}`)) stored.push(e.data);
    await raw.close();
    expect(stored[0]).toEqual({
      name: expect.stringMatching(/^pii:v1:1:/),
      email: expect.stringMatching(/^pii:v1:1:/),
      address: { city: expect.stringMatching(/^pii:v1:1:/), country: 'US' },
    });
    // Once the 360° view holds the profile, its files are checked too.
    await waitUntil('the 360° view has the customer', async () => (await fetch(`${platform.baseUrl}/v1/customers/${customerId}`)).status === 200);
    const files = readdirSync(dataDir).filter((file) => !file.startsWith('personal-data'));
    expect(files).toContain('read-models.sqlite');
    for (const file of files) expect(readFileSync(join(dataDir, file)).includes(email)).toBe(false);
  });
});
