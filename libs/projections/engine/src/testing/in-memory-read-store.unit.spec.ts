import { ReadStoreUnavailableError } from '@cdp/read-store';
import { CrashingReadStore, SimulatedCrashError } from './crashing-read-store';
import { InMemoryReadStore } from './in-memory-read-store';

const definition = { name: 'things_v1', indexes: [] };
const at = (n: number) => String(n).padStart(20, '0');

describe('the in-memory read store (test double)', () => {
  it('guards writes by position: only a later position replaces or deletes a document', async () => {
    const store = new InMemoryReadStore();
    const things = await store.collection(definition);
    await things.write({ upserts: [{ id: 'a', position: at(5), body: { v: 5 } }] });
    await things.write({ upserts: [{ id: 'a', position: at(5), body: { v: 0 } }, { id: 'b', position: at(1), body: { v: 1 } }] });
    await things.write({ upserts: [{ id: 'a', position: at(4), body: { v: 4 } }], deletes: [{ id: 'b', position: at(1) }] });
    expect(store.documents('things_v1')).toEqual([
      { id: 'a', position: at(5), body: { v: 5 } },
      { id: 'b', position: at(1), body: { v: 1 } },
    ]);
    await things.write({ deletes: [{ id: 'b', position: at(2) }, { id: 'a', position: at(5) }] });
    expect((await things.getMany(['a', 'b'])).size).toBe(1);
    expect(await things.get('b')).toBeNull();
  });

  it('hands out copies, keeps checkpoints, and fails as unavailable during an outage', async () => {
    const store = new InMemoryReadStore();
    const things = await store.collection(definition);
    const body = { list: [1] };
    await things.write({ upserts: [{ id: 'a', position: at(1), body }] });
    body.list.push(2);
    (await things.get('a'))!.body.list = [];
    expect((await things.get('a'))!.body).toEqual({ list: [1] });

    const checkpoint = { projection: 'p', position: at(1), state: 'running' as const, updatedAt: 'now', eventsApplied: 1 };
    await store.saveCheckpoint(checkpoint);
    expect(await store.listCheckpoints()).toEqual([checkpoint]);
    store.simulateOutage(true);
    await expect(store.loadCheckpoint('p')).rejects.toThrow(ReadStoreUnavailableError);
    await expect(things.get('a')).rejects.toThrow(ReadStoreUnavailableError);
    await expect(things.find({ limit: 1 })).rejects.toThrow(ReadStoreUnavailableError);
  });

  it('leaves queries to the real adapters', async () => {
    const things = await new InMemoryReadStore().collection(definition);
    await expect(things.count()).rejects.toThrow('not supported by the test double');
  });
});

describe('the crashing read store (test double)', () => {
  it('dies after the given number of document and checkpoint writes, cutting a batch where it crosses the limit', async () => {
    const inner = new InMemoryReadStore();
    const crashing = new CrashingReadStore(inner, 3);
    const things = await crashing.collection(definition);
    await crashing.saveCheckpoint({ projection: 'p', position: null, state: 'running', updatedAt: 'now', eventsApplied: 0 });
    await expect(
      things.write({ upserts: [1, 2, 3].map((n) => ({ id: `d${n}`, position: at(n), body: {} })) }),
    ).rejects.toThrow(SimulatedCrashError);
    expect(crashing.crashed).toBe(true);
    expect(inner.documents('things_v1').map((d) => d.id)).toEqual(['d1', 'd2']);
    await expect(crashing.loadCheckpoint('p')).rejects.toThrow(SimulatedCrashError);
    await expect(things.get('d1')).rejects.toThrow(SimulatedCrashError);
  });
});
