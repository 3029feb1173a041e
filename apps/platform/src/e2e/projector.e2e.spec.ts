import { randomUUID } from 'node:crypto';
import { readJson } from './api-bodies';
import { postEvents, registeredWithOneVisit } from './one-visit';
import { freshDataDir, projector, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { waitUntil } from './wait-until';

// The API with PROJECTIONS=off and the projector as its own process, on the same embedded stores:
// the platform keeps the event store's writer lock, the projector reads the file beside it.

describe('the projector process', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let worker: RunningPlatform;

  beforeAll(async () => {
    dataDir = freshDataDir();
    platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, PROJECTIONS: 'off' });
    worker = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir }, projector);
  });
  afterAll(async () => {
    await worker?.stop();
    await platform?.stop();
    removeDataDir(dataDir);
  });

  it('folds what the platform records into the read models the platform serves', async () => {
    const customerId = `c-${randomUUID()}`;
    const posted = await postEvents(platform.baseUrl, registeredWithOneVisit(customerId));
    expect(posted.status).toBe(200);

    await waitUntil('the projector has folded the events', async () => (await fetch(`${platform.baseUrl}/v1/customers/${customerId}`)).status === 200);
    const { view } = await readJson<{ view: { interactionCount: number; partyKind: string } }>(await fetch(`${platform.baseUrl}/v1/customers/${customerId}`));
    expect(view).toMatchObject({ interactionCount: 1, partyKind: 'customer' });

    const statuses = await readJson<{ projections: { name: string; state: string }[] }>(await fetch(`${worker.baseUrl}/v1/projections`));
    expect(statuses.projections.map(({ name, state }) => ({ name, state }))).toEqual([
      { name: 'customer-360', state: 'running' },
      { name: 'sales-by-month', state: 'running' },
      { name: 'audiences', state: 'running' },
    ]);
    expect((await fetch(`${worker.baseUrl}/health/ready`)).status).toBe(200);
  });
});
