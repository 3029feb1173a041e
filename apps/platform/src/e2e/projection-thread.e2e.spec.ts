import { randomUUID } from 'node:crypto';
import { readJson } from './api-bodies';
import { postEvents, registeredWithOneVisit } from './one-visit';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { waitUntil } from './wait-until';

// Where the platform runs its projection worker: by default a worker thread (its own event loop and heap, the event
// store read beside the writer), on request the API's event loop. Either way the API serves what it folds.

interface Statuses {
  projections: { name: string; state: string; eventsApplied: number }[];
}

async function recordCustomer(platform: RunningPlatform, customerId: string): Promise<void> {
  const posted = await postEvents(platform.baseUrl, registeredWithOneVisit(customerId));
  expect(posted.status).toBe(200);
}

async function expectFolded(platform: RunningPlatform, customerId: string): Promise<void> {
  await waitUntil('the 360° view shows the customer', async () => (await fetch(`${platform.baseUrl}/v1/customers/${customerId}`)).status === 200);
  const { view } = await readJson<{ view: { interactionCount: number; partyKind: string } }>(await fetch(`${platform.baseUrl}/v1/customers/${customerId}`));
  expect(view).toMatchObject({ interactionCount: 1, partyKind: 'customer' });
}

describe('the projection worker of the platform', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = freshDataDir();
  });
  afterEach(() => removeDataDir(dataDir));

  it('runs in a worker thread by default, and saves its checkpoints as stopped when the platform stops', async () => {
    const platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir });
    try {
      const customerId = `c-${randomUUID()}`;
      await recordCustomer(platform, customerId);
      await expectFolded(platform, customerId);
      expect(platform.logs).toContainEqual(expect.objectContaining({ msg: 'projection worker started (in a worker thread)' }));
      // The thread saves the checkpoint just after the documents: the platform's statuses are the saved ones.
      await waitUntil('customer-360 has saved its checkpoint', async () => {
        const { projections } = await readJson<Statuses>(await fetch(`${platform.baseUrl}/v1/projections`));
        const customer360 = projections.find((status) => status.name === 'customer-360');
        return customer360?.state === 'running' && customer360.eventsApplied === 2;
      });
    } finally {
      expect(await platform.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    }
    expect(platform.logs).toContainEqual(expect.objectContaining({ msg: 'projection worker stopped' }));

    // Another platform that folds nothing itself shows what the thread saved on its way out.
    const reader = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, PROJECTIONS: 'off' });
    try {
      const saved = await readJson<Statuses>(await fetch(`${reader.baseUrl}/v1/projections`));
      expect(saved.projections.map(({ name, state }) => ({ name, state }))).toEqual([
        { name: 'customer-360', state: 'stopped' },
        { name: 'sales-by-month', state: 'stopped' },
        { name: 'audiences', state: 'stopped' },
      ]);
      expect(saved.projections[0].eventsApplied).toBe(2);
    } finally {
      await reader.stop();
    }
  });

  it('runs in the event loop of the API with PROJECTIONS=in-process', async () => {
    const platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, PROJECTIONS: 'in-process' });
    try {
      const customerId = `c-${randomUUID()}`;
      await recordCustomer(platform, customerId);
      await expectFolded(platform, customerId);
      expect(platform.logs).toContainEqual(expect.objectContaining({ msg: 'projection worker started' }));
    } finally {
      await platform.stop();
    }
  });
});
