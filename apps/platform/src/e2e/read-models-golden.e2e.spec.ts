import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { openMongoReadStore } from '@cdp/mongodb';
import { ProjectionEngineOptions, ProjectionWorker } from '@cdp/projection-engine';
import { platformProjections } from '@cdp/read-models';
import { Condition, ReadDocument, ReadStore } from '@cdp/read-store';
import { Customer360Document, lifecycleStageConditions, lifecycleStageOf, lifecycleStages, recencyScore, recencyScoreConditions } from '@cdp/customer-360';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { MongoClient } from 'mongodb';
import { figure, onlineRetailCsv, runImport } from './import-process';
import { freshDataDir, removeDataDir } from './platform-process';

// The golden invariant: a read model built live, event by event while the import runs, is the read model a
// rebuild from the first event gives. On the embedded read store and on FerretDB.

// The FerretDB case takes about 8 minutes on 2 cores: FerretDB 1.x decodes its collection for every scan.
jest.setTimeout(1_800_000);

const mongoUrl = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:37017/';
const projections = platformProjections();

async function allDocuments(store: ReadStore, collection: (typeof projections.all)[number]['collection']): Promise<ReadDocument[]> {
  const documents: ReadDocument[] = [];
  for await (const document of (await store.collection(collection)).stream({})) documents.push(document);
  return documents;
}

/** Every projection, from the first event of the store at `dataDir` into `readStore`, until it reaches the head. */
async function rebuild(dataDir: string, readStore: ReadStore, batches: Partial<ProjectionEngineOptions> = {}): Promise<void> {
  const eventStore = openEmbeddedEventStore({ dataDir, readOnly: true });
  const worker = new ProjectionWorker({ eventStore, readStore, projections: projections.all, ...batches });
  try {
    await worker.start();
    await worker.waitUntilCaughtUp(undefined, { timeoutMs: 600_000, pollMs: 100 });
    for (const status of await worker.statuses()) expect({ name: status.name, state: status.state, error: status.error }).toEqual({ name: status.name, state: 'running', error: undefined });
  } finally {
    await worker.stop();
    await eventStore.close();
  }
}

/** Moments of the data set's year (December 2010 to December 2011), when its customers are in every stage. */
const searchInstants = ['2011-04-01T00:00:00.000Z', '2011-09-01T00:00:00.000Z', '2011-12-10T00:00:00.000Z'].map((at) => new Date(at));

/**
 * The search conditions the API sends for a stage or a recency score select exactly the customers whose view
 * shows that stage or score: on this store, over every customer of the data set, at several moments.
 */
async function expectSearchesToMatchViews(store: ReadStore, instants: readonly Date[]): Promise<void> {
  const rules = projections.customer360Rules;
  const views = await store.collection<Customer360Document>(projections.customer360.collection);
  const documents = (await allDocuments(store, projections.customer360.collection)) as ReadDocument<Customer360Document>[];
  const idsOf = async (where: Condition[]) => {
    const ids: string[] = [];
    for await (const document of views.stream({ where })) ids.push(document.id);
    return ids.sort();
  };
  const stagesSeen = new Set<string>();
  for (const now of instants) {
    for (const stage of lifecycleStages) {
      const expected = documents.filter((document) => lifecycleStageOf(document.body, now) === stage).map((document) => document.id).sort();
      if (expected.length > 0) stagesSeen.add(stage);
      expect({ now, stage, ids: await idsOf(lifecycleStageConditions(stage, now, rules)) }).toEqual({ now, stage, ids: expected });
    }
    for (const score of [1, 2, 3, 4, 5]) {
      const expected = documents.filter((document) => recencyScore(document.body.lastOrderAt, now, rules) === score).map((document) => document.id).sort();
      expect({ now, score, ids: await idsOf(recencyScoreConditions(score, now, rules)) }).toEqual({ now, score, ids: expected });
    }
  }
  // The comparison means something only if the stages are told apart.
  expect(stagesSeen.size).toBeGreaterThanOrEqual(instants.length > 1 ? lifecycleStages.length : 3);
}

/** The import's last line for a read model: every event applied, and how many of them before the import ended. */
function expectFollowedLive(stdout: string, readModel: string, events: number): void {
  const line = new RegExp(`read model ${readModel}: running, ([\\d,]+) events applied \\(([\\d,]+) of them while the import ran\\)`).exec(stdout);
  expect(line).not.toBeNull();
  const [applied, whileImporting] = [line![1], line![2]].map((figure) => Number(figure.replace(/,/g, '')));
  expect(applied).toBe(events);
  // Live: the projection saved checkpoints while the import was still appending, not only after it.
  expect(whileImporting).toBeGreaterThan(0);
}

async function expectSameReadModels(live: ReadStore, rebuilt: ReadStore): Promise<void> {
  for (const { collection } of projections.all) {
    const [liveDocuments, rebuiltDocuments] = await Promise.all([allDocuments(live, collection), allDocuments(rebuilt, collection)]);
    expect(rebuiltDocuments.length).toBe(liveDocuments.length);
    // One failing document is a readable diff; 4,372 at once is not.
    for (let index = 0; index < liveDocuments.length; index += 1) expect(rebuiltDocuments[index]).toEqual(liveDocuments[index]);
  }
  const live360 = await allDocuments(live, projections.customer360.collection);
  expect(live360).toHaveLength(4_372);
}

describe('the read models built live equal the read models rebuilt from the first event (Online Retail)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDataDir));

  it('on the embedded read store', async () => {
    const dir = freshDataDir();
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const run = await runImport(['--online-retail', onlineRetailCsv], dir, { EVENT_STORE_DATA_DIR: dataDir, READ_STORE: 'embedded' });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(figure(run.stdout, 'recorded')).toBe(44_579);
    expectFollowedLive(run.stdout, 'customer-360', 44_579);

    const live = openEmbeddedReadStore({ file: join(dataDir, 'read-models.sqlite') });
    const rebuilt = openEmbeddedReadStore({ file: join(dir, 'rebuilt.sqlite') });
    try {
      await rebuild(dataDir, rebuilt);
      await expectSameReadModels(live, rebuilt);
      await expectSearchesToMatchViews(live, searchInstants);
    } finally {
      await live.close();
      await rebuilt.close();
    }
  });

  it('on FerretDB', async () => {
    const dir = freshDataDir();
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const liveDatabase = `cdp_golden_live_${randomUUID().slice(0, 8)}`;
    const rebuiltDatabase = `cdp_golden_rebuilt_${randomUUID().slice(0, 8)}`;
    const client = new MongoClient(mongoUrl);
    try {
      const run = await runImport(['--online-retail', onlineRetailCsv], dir, {
        EVENT_STORE_DATA_DIR: dataDir,
        READ_STORE: 'mongodb',
        MONGODB_URL: mongoUrl,
        MONGODB_DATABASE: liveDatabase,
        // FerretDB 1.x scans its collection for every write batch (see libs/read-store/mongodb), so batches larger
        // than the default; small enough that the first ones commit while the import (about 12 s) still appends.
        // With 20,000 events a batch, customer-360's first batch committed only after the import had ended.
        PROJECTION_BATCH_EVENTS: '5000',
        PROJECTION_BATCH_WAIT_MS: '2000',
        PROJECTION_BATCH_IDLE_MS: '500',
      });
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(figure(run.stdout, 'recorded')).toBe(44_579);
      expectFollowedLive(run.stdout, 'customer-360', 44_579);

      const live = await openMongoReadStore({ url: mongoUrl, database: liveDatabase });
      const rebuilt = await openMongoReadStore({ url: mongoUrl, database: rebuiltDatabase });
      try {
        // FerretDB 1.x scans the collection for every write batch: batches of 15,000 events, three in all, the later
        // ones starting from documents the earlier ones wrote.
        await rebuild(dataDir, rebuilt, { maxBatchEvents: 15_000, maxBatchAgeMs: 120_000, maxBatchDelayMs: 2_000 });
        await expectSameReadModels(live, rebuilt);
        // One moment only: FerretDB 1.x decodes the whole collection for each search, seconds apiece.
        await expectSearchesToMatchViews(live, searchInstants.slice(-1));
      } finally {
        await live.close();
        await rebuilt.close();
      }
    } finally {
      await client.db(liveDatabase).dropDatabase().catch(() => undefined);
      await client.db(rebuiltDatabase).dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
});
