import { randomUUID } from 'node:crypto';
import { EventsPageBody, OpenApiBody, ProblemBody, readJson, RecordedBody } from './api-bodies';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';

const json = { 'content-type': 'application/json' };
const interaction = { channel: 'email', direction: 'inbound', kind: 'email-opened', campaignId: 'spring-sale' };

describe('the platform over HTTP', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  const url = (path: string) => `${platform.baseUrl}${path}`;
  const post = (customerId: string, body: object, headers: Record<string, string> = {}) =>
    fetch(url(`/v1/customers/${customerId}/interactions`), { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  const personalDataToken = 'e2e-http-api-personal-data';
  const eventsOf = (customerId: string, query = '', headers: Record<string, string> = {}) => fetch(url(`/v1/customers/${customerId}/events${query}`), { headers });

  beforeAll(async () => {
    dataDir = freshDataDir();
    platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, SERVICE_NAME: 'cdp-e2e', API_TOKENS: `${personalDataToken}:analyst+personal-data` });
  });
  afterAll(async () => {
    await platform?.stop();
    removeDataDir(dataDir);
  });

  it('is live and ready', async () => {
    const live = await fetch(url('/health/live'));
    expect(live.status).toBe(200);
    const ready = await fetch(url('/health/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { 'event-store': { status: 'up' } } });
  });

  it('records an interaction and returns it with the full envelope', async () => {
    const customerId = `c-${randomUUID()}`;
    const occurredAt = '2025-03-01T09:30:00+01:00';
    const created = await post(customerId, { ...interaction, occurredAt }, { 'x-correlation-id': 'order-7', 'x-actor-id': 'agent-12' });
    expect(created.status).toBe(201);
    const recorded = await readJson<RecordedBody>(created);
    expect(recorded).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `customer-${customerId}`,
      revision: 0,
      position: expect.any(String),
    });

    const read = await eventsOf(customerId);
    expect(read.status).toBe(200);
    const page = await readJson<EventsPageBody>(read);
    expect(page).toEqual({
      streamId: `customer-${customerId}`,
      nextRevision: null,
      events: [
        {
          eventId: recorded.eventId,
          type: 'InteractionRecorded',
          schemaVersion: 1,
          streamId: `customer-${customerId}`,
          revision: 0,
          position: recorded.position,
          data: interaction,
          metadata: {
            correlationId: 'order-7',
            causationId: 'order-7',
            occurredAt: '2025-03-01T08:30:00.000Z',
            recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
            source: { service: 'cdp-e2e' },
            actor: { kind: 'user', id: 'agent-12' },
          },
        },
      ],
    });
  });

  it('stamps the time of receipt and a new correlation id when the client gives none', async () => {
    const customerId = `c-${randomUUID()}`;
    const before = Date.now();
    const created = await post(customerId, interaction);
    const [event] = (await readJson<EventsPageBody>(await eventsOf(customerId))).events;
    expect(Date.parse(event.metadata.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(event.metadata.correlationId).toBe(created.headers.get('x-request-id'));
    expect(event.metadata.actor).toEqual({ kind: 'user', id: 'anonymous' });
  });

  it('records a retried interaction once', async () => {
    const customerId = `c-${randomUUID()}`;
    const eventId = randomUUID();
    const first = await post(customerId, { ...interaction, eventId });
    const retry = await post(customerId, { ...interaction, eventId });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await readJson<RecordedBody>(retry)).toEqual(await readJson<RecordedBody>(first));
    const { events } = await readJson<EventsPageBody>(await eventsOf(customerId));
    expect(events.map((event) => event.eventId)).toEqual([eventId]);
  });

  it('refuses an event id reused for another interaction', async () => {
    const customerId = `c-${randomUUID()}`;
    const eventId = randomUUID();
    await post(customerId, { ...interaction, eventId });
    const reused = await post(customerId, { ...interaction, kind: 'email-clicked', eventId });
    expect(reused.status).toBe(409);
    expect(await readJson<ProblemBody>(reused)).toMatchObject({ code: 'event-id-reused', status: 409 });
  });

  it('rejects an invalid body as problem+json naming each faulty field', async () => {
    const res = await post('c-1', { channel: 'pigeon', direction: 'inbound', kind: 'Email Opened', colour: 'blue', eventId: 'nope' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await readJson<ProblemBody>(res);
    expect(problem).toMatchObject({
      type: 'urn:cdp:problem:invalid-request',
      title: expect.any(String),
      status: 400,
      detail: expect.any(String),
      instance: '/v1/customers/c-1/interactions',
    });
    expect(problem.errors?.map((issue) => issue.path).sort()).toEqual(['channel', 'colour', 'eventId', 'kind']);
  });

  it('rejects a body that is not JSON, and a missing field', async () => {
    const broken = await fetch(url('/v1/customers/c-1/interactions'), { method: 'POST', headers: json, body: '{"channel":' });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const missing = await post('c-1', { channel: 'web', direction: 'inbound' });
    const { errors } = await readJson<ProblemBody>(missing);
    expect(new Set(errors?.map((issue) => issue.path))).toEqual(new Set(['kind']));
  });

  it('rejects an invalid customer id with 400', async () => {
    const res = await eventsOf('not%20valid');
    expect(res.status).toBe(400);
    expect((await readJson<ProblemBody>(res)).errors).toEqual([{ path: 'customerId', message: expect.any(String) }]);
  });

  it('answers 404 problem+json for a customer with no events', async () => {
    const res = await eventsOf(`c-${randomUUID()}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('pages through the events with a cursor (their notes, personal data, shown to the personal-data role only)', async () => {
    const customerId = `c-${randomUUID()}`;
    for (let i = 0; i < 5; i++) expect((await post(customerId, { ...interaction, note: `visit ${i}` })).status).toBe(201);
    const anonymous = await readJson<EventsPageBody>(await eventsOf(customerId));
    expect(anonymous.events.map((event) => event.data.note)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const notes: string[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await readJson<EventsPageBody>(await eventsOf(customerId, query, { authorization: `Bearer ${personalDataToken}` }));
      notes.push(...page.events.map((event) => String(event.data.note)));
      if (page.nextRevision === null) break;
      query = `?limit=2&fromRevision=${page.nextRevision}`;
    }
    expect(notes).toEqual(['visit 0', 'visit 1', 'visit 2', 'visit 3', 'visit 4']);
  });

  it('rejects a page size above 1000', async () => {
    const res = await eventsOf('c-1', '?limit=1001');
    expect(res.status).toBe(400);
    expect((await readJson<ProblemBody>(res)).errors).toEqual([{ path: 'limit', message: 'limit must be 1 to 1000' }]);
  });

  it('exposes HTTP metrics by route template', async () => {
    await post(`c-${randomUUID()}`, interaction);
    const res = await fetch(url('/metrics'));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{service="cdp-e2e",method="POST",route="\/v1\/customers\/:customerId\/interactions",status_code="201"\} \d+$/m,
    );
    expect(text).toMatch(/^process_resident_memory_bytes\{service="cdp-e2e"\} \d+/m);
  });

  it('describes its API at /docs-json and serves the browsable docs at /docs', async () => {
    const document = await readJson<OpenApiBody>(await fetch(url('/docs-json')));
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/customers/{customerId}/interactions', '/v1/customers/{customerId}/events']),
    );
    expect(Object.keys(document.components.schemas.RecordInteractionRequest.properties).sort()).toEqual(
      ['campaignId', 'channel', 'direction', 'eventId', 'kind', 'note', 'occurredAt', 'productId'],
    );
    const docs = await fetch(url('/docs'));
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('logs requests as JSON lines with request and correlation ids', async () => {
    const res = await post(`c-${randomUUID()}`, interaction, { 'x-correlation-id': 'log-check-1' });
    const requestId = res.headers.get('x-request-id');
    await new Promise((done) => setTimeout(done, 100));
    expect(platform.logs).toContainEqual(
      expect.objectContaining({
        service: 'cdp-e2e',
        correlationId: 'log-check-1',
        req: expect.objectContaining({ id: requestId, method: 'POST' }),
        res: { statusCode: 201 },
      }),
    );
  });
});
