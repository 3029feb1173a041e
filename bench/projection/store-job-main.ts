import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { openMongoReadStore } from '@cdp/mongodb';
import { ReadStore } from '@cdp/read-store';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { platformProjections } from '@cdp/read-models';
import { SeededRandom } from '../event-store/seeded-random';
import { readProcessMemory } from '../ingestion/process-memory';
import { eventLogUpTo } from './event-log-prefix';
import { CeilingRun, timeBulkReplace } from './raw-ceiling';
import { RebuildRun, timeRebuild } from './rebuild';
import { resultPrefix, StoreJob, StoreSpec } from './store-job';

/** A child process of the benchmark (see store-job.ts): runs the job given as JSON and prints its result. */
async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as StoreJob;
  const result = job.kind === 'rebuild' ? await rebuild(job) : await ceiling(job);
  const hwmMiB = readProcessMemory(process.pid)?.hwmMiB ?? 0;
  process.stdout.write(`${resultPrefix}${JSON.stringify({ ...result, hwmMiB })}\n`);
}

const projections = platformProjections();
const { customer360 } = projections;

async function rebuild(job: Extract<StoreJob, { kind: 'rebuild' }>): Promise<RebuildRun> {
  const events = openEmbeddedEventStore({ dataDir: job.historyDir, readOnly: true });
  const readStore = await openReadStore(job.store);
  try {
    return await timeRebuild({
      eventStore: eventLogUpTo(events, job.upTo),
      readStore,
      projection: projections[job.projection] as never,
      upTo: job.upTo,
      timeLimitMs: job.timeLimitMs,
      onProgress: (applied, ms) => progress(`${applied.toLocaleString('en-US')} events folded, ${rate(applied, ms)} events/s`),
    });
  } finally {
    await readStore.close();
    await events.close();
  }
}

async function ceiling(job: Extract<StoreJob, { kind: 'ceiling' }>): Promise<CeilingRun> {
  const sourceStore = await openReadStore(job.source);
  const targetStore = await openReadStore(job.target);
  try {
    const source = await sourceStore.collection(customer360.collection);
    const ids: string[] = [];
    for await (const document of source.stream({})) ids.push(document.id);
    shuffle(ids, new SeededRandom(job.seed));
    if ((await targetStore.listCollections()).includes(customer360.collection.name)) throw new Error('the target of the raw ceiling is not fresh');
    const target = await targetStore.collection(customer360.collection, { deferIndexes: true });
    return await timeBulkReplace({
      source,
      target,
      createIndexes: () => targetStore.collection(customer360.collection),
      ids,
      writes: job.writes,
      batchSize: Math.min(job.batchSize, ids.length),
      timeLimitMs: job.timeLimitMs,
      onProgress: (documents, seconds) => progress(`${documents.toLocaleString('en-US')} documents written, ${rate(documents, seconds * 1000)}/s`),
    });
  } finally {
    await targetStore.close();
    await sourceStore.close();
  }
}

function openReadStore(spec: StoreSpec): Promise<ReadStore> {
  return spec.kind === 'embedded' ? Promise.resolve(openEmbeddedReadStore({ file: spec.file })) : openMongoReadStore(spec);
}

/** Fisher–Yates, seeded: the same order on every run. */
function shuffle<T>(items: T[], random: SeededRandom): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

function rate(count: number, ms: number): string {
  return ms > 0 ? Math.round(count / (ms / 1000)).toLocaleString('en-US') : '-';
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
