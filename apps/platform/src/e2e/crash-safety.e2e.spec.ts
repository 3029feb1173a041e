import { randomUUID } from 'node:crypto';
import { EventsPageBody, readJson } from './api-bodies';
import { freshDataDir, removeDataDir, startPlatform } from './platform-process';

const customers = Array.from({ length: 4 }, () => `c-${randomUUID()}`);

async function storedEventIds(baseUrl: string, customerId: string): Promise<string[]> {
  const ids: string[] = [];
  let fromRevision = 0;
  for (;;) {
    const res = await fetch(`${baseUrl}/v1/customers/${customerId}/events?limit=1000&fromRevision=${fromRevision}`);
    if (res.status === 404) return ids;
    const page = await readJson<EventsPageBody>(res);
    ids.push(...page.events.map((event) => event.eventId));
    if (page.nextRevision === null) return ids;
    fromRevision = page.nextRevision;
  }
}

describe('crash safety', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = freshDataDir();
  });
  afterAll(() => removeDataDir(dataDir));

  it('keeps every acknowledged interaction, exactly once, through kill -9', async () => {
    const platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, EVENT_STORE_DURABILITY: 'full' });
    const acknowledged = new Map<string, Set<string>>(customers.map((id) => [id, new Set()]));
    const sent = new Map<string, Set<string>>(customers.map((id) => [id, new Set()]));
    const target = 120;
    let total = 0;
    let killed = false;

    // Each customer has a writer posting back to back; the process dies with requests in flight.
    const writers = customers.map(async (customerId) => {
      while (!killed) {
        const eventId = randomUUID();
        sent.get(customerId)?.add(eventId);
        try {
          const res = await fetch(`${platform.baseUrl}/v1/customers/${customerId}/interactions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ channel: 'web', direction: 'inbound', kind: 'page-viewed', eventId }),
          });
          if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          acknowledged.get(customerId)?.add(eventId);
          if (++total >= target && !killed) {
            killed = true;
            platform.process.kill('SIGKILL');
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    });
    await Promise.all(writers);
    expect(await platform.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(total).toBeGreaterThanOrEqual(target);

    const restarted = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir });
    try {
      for (const customerId of customers) {
        const stored = await storedEventIds(restarted.baseUrl, customerId);
        expect(new Set(stored).size).toBe(stored.length);
        for (const eventId of acknowledged.get(customerId) ?? []) expect(stored).toContain(eventId);
        for (const eventId of stored) expect(sent.get(customerId)?.has(eventId)).toBe(true);
      }
    } finally {
      await restarted.stop();
    }
  });
});
