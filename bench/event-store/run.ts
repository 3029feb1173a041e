import { Durability, EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendPlan } from './append-plan';
import { appendWriter, timeAppends, timeSideBySide } from './append-runs';
import { BenchConfig, readBenchConfig } from './bench-config';
import { writeDocsSection } from '../docs-section';
import { loadEmmett, runEmmett } from './emmett-peer';
import { timeCatchUp, timeReadAll, warmUp } from './embedded-reads';
import { describeMachine } from './machine';
import { phase } from './progress';
import { rawInsertWriter, RawInsertRun, sqliteVersion, timeRawReads } from './raw-sqlite';
import { BenchResults, renderReport, warmUpEvents } from './report';
import { collectGarbage, elapsedMs, nowMs, ThroughputRun } from './timing';

const documentIntro = `# Benchmarks

Measured on the project's own machines, by scripts in \`bench/\`. Each section is rewritten by its script's
full run; numbers from another machine are not comparable.
`;

const docsFile = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

async function main(): Promise<void> {
  // Emmett logs its errors with console.log, some after its calls have failed: stdout is for the report alone.
  console.log = (...args: unknown[]) => console.error(...args);
  const config = readBenchConfig();
  const startedAt = new Date();
  const started = nowMs();
  const root = mkdtempSync(join(tmpdir(), 'cdp-bench-store-'));
  try {
    const results = await measure(config, root, startedAt);
    results.seconds = elapsedMs(started) / 1000;
    const report = renderReport(results);
    process.stdout.write(`\n${report}`);
    if (config.writeDocs) {
      writeDocsSection(docsFile, { name: 'store', intro: documentIntro }, report);
      process.stderr.write(`\nwritten to ${docsFile}\n`);
    } else {
      process.stderr.write(`\nnot written to ${docsFile} (a smoke run; BENCH_WRITE_DOCS=1 writes it)\n`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function measure(config: BenchConfig, root: string, startedAt: Date): Promise<BenchResults> {
  const { events, streams, seed } = config;
  const batched: AppendPlan = { events, eventsPerAppend: config.eventsPerBatch, streams, seed };
  const singles = (count: number, seedOffset: number): AppendPlan => ({ events: count, eventsPerAppend: 1, streams, seed: seed + seedOffset });
  const machine = describeMachine(root);

  phase(
    `Batches of ${config.eventsPerBatch} side by side: embedded one at a time, embedded ${config.batchesInFlight} in flight, raw INSERTs, the store's statements raw`,
  );
  const sequentialDir = join(root, 'sequential');
  const concurrentDir = join(root, 'concurrent');
  const sequentialStore = openStore(sequentialDir, 'full');
  const concurrentStore = openStore(concurrentDir, 'full');
  const rawTable = rawInsertWriter('raw INSERT', join(root, 'raw.sqlite'), streams, 'events-table');
  const rawStatements = rawInsertWriter('raw store statements', join(root, 'raw-statements.sqlite'), streams, 'store-statements');
  let runs: ThroughputRun[];
  try {
    runs = await timeSideBySide(batched, [
      appendWriter('embedded sequential', 1, (p) => sequentialStore.appendToStream(p.streamId, p.events)),
      appendWriter(`embedded ${config.batchesInFlight} in flight`, config.batchesInFlight, (p) =>
        concurrentStore.appendToStream(p.streamId, p.events),
      ),
      rawTable,
      rawStatements,
    ]);
  } finally {
    await Promise.all([sequentialStore.close(), concurrentStore.close()]);
  }
  const [sequential, concurrent] = runs;
  const rawInserts: RawInsertRun = { ...runs[2], ...rawTable.close() };
  const rawStatementsRun: RawInsertRun = { ...runs[3], ...rawStatements.close() };
  rmSync(sequentialDir, { recursive: true, force: true });
  removeDatabase(join(root, 'raw.sqlite'));
  removeDatabase(join(root, 'raw-statements.sqlite'));

  phase('Single-event appends, one at a time, on the store the concurrent batches filled');
  const singleFull = await withStore(concurrentDir, 'full', (store) =>
    timeAppends('embedded single appends, full', singles(config.singleAppends, 1), 1, (p) => store.appendToStream(p.streamId, p.events)),
  );
  const singleNormal = await withStore(concurrentDir, 'normal', (store) =>
    timeAppends('embedded single appends, normal', singles(config.singleAppends, 2), 1, (p) => store.appendToStream(p.streamId, p.events)),
  );
  rmSync(concurrentDir, { recursive: true, force: true });

  phase(`Embedded store, single-event appends, ${config.ingestInFlight} in flight, over ${streams} streams`);
  const ingestDir = join(root, 'ingest');
  const ingest = await withStore(ingestDir, 'full', (store) =>
    timeAppends(`embedded single appends, ${config.ingestInFlight} in flight`, singles(events, 0), config.ingestInFlight, (p) =>
      store.appendToStream(p.streamId, p.events),
    ),
  );
  const logFile = join(ingestDir, 'events.sqlite');
  const logFileMiB = statSync(logFile).size / 1024 ** 2;

  phase('Reading the ingest-shaped log back (store reopened)');
  const { readAll, catchUp } = await withStore(ingestDir, 'full', async (store) => {
    await warmUp(store, warmUpEvents);
    return {
      readAll: await timeReadAll(store, events, config.sampleEvery),
      catchUp: await timeCatchUp(store, events, config.sampleEvery),
    };
  });
  const rawReads = timeRawReads(logFile, events, config.sampleEvery);
  rmSync(ingestDir, { recursive: true, force: true });

  phase('Peer: Emmett');
  const peer = config.peer ? await measureEmmett(config, root) : { unavailable: 'skipped (BENCH_PEER=0).' };

  return {
    config,
    machine,
    startedAt,
    seconds: 0,
    sqlite: sqliteVersion(),
    driver: `better-sqlite3 ${packageVersion('better-sqlite3')}`,
    logFileMiB,
    embedded: { sequential, concurrent, ingest, singleFull, singleNormal, readAll, catchUp },
    raw: { inserts: rawInserts, statements: rawStatementsRun, reads: rawReads },
    peer,
  };
}

async function measureEmmett(config: BenchConfig, root: string): Promise<BenchResults['peer']> {
  const peer = loadEmmett();
  if ('unavailable' in peer) {
    process.stderr.write(`  ${peer.unavailable}\n`);
    return peer;
  }
  const { streams, seed, eventsPerBatch } = config;
  const batched: AppendPlan = { events: config.peerEvents, eventsPerAppend: eventsPerBatch, streams, seed };
  try {
    return await runEmmett(
      peer,
      join(root, 'emmett.sqlite'),
      {
        batched,
        single: { events: config.peerSingleAppends, eventsPerAppend: 1, streams, seed: seed + 1 },
        concurrent: { events: eventsPerBatch * config.batchesInFlight * 10, eventsPerAppend: eventsPerBatch, streams, seed: seed + 3 },
        inFlight: config.batchesInFlight,
      },
      Math.max(1, Math.floor(config.peerEvents / 10)),
    );
  } catch (error) {
    const reason = `the run failed on Node ${process.version}: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`  ${reason}\n`);
    return { unavailable: reason };
  }
}

function openStore(dataDir: string, durability: Durability): EmbeddedEventStore {
  // The store's writer lock is taken before it creates the folder, so a missing folder fails: create it here.
  mkdirSync(dataDir, { recursive: true });
  return openEmbeddedEventStore({ dataDir, durability });
}

/** Opens a store on `dataDir`, runs `work`, and always closes it; a GC first, so earlier runs leave no garbage behind. */
async function withStore<T>(dataDir: string, durability: Durability, work: (store: EmbeddedEventStore) => Promise<T>): Promise<T> {
  collectGarbage();
  const store = openStore(dataDir, durability);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
