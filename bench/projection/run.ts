import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMachine } from '../event-store/machine';
import { phase } from '../event-store/progress';
import { sqliteVersion } from '../event-store/raw-sqlite';
import { Cleanup } from '../ingestion/cleanup';
import { stopAllPlatforms } from '../ingestion/platform-process';
import { writeDocsSection } from '../docs-section';
import { sourceRevision } from '../source-revision';
import { positionOfEvent } from './event-log-prefix';
import { ensureHistoryStore } from './history-store';
import { platformPhaseSettings, runPlatformPhase } from './platform-phase';
import { readProjectionBenchConfig } from './projection-bench-config';
import { renderReport } from './report';
import { ProjectionBenchResults } from './results';
import { runStoreJob, stopAllJobs, StoreSpec } from './store-job';
import { waitForFerretDbIdle } from './ferretdb-idle';
import { embeddedStore, measureSide, removeStore } from './store-sides';

const repoRoot = join(__dirname, '..', '..');
const docsFile = join(repoRoot, 'docs', 'benchmarks.md');
const resultsFile = join(repoRoot, '.bench', 'projection-results.json');

/**
 * The projection benchmark (`npm run bench:project`): rebuild of the 360° view into the embedded store and
 * FerretDB beside each store's raw bulk-upsert ceiling, then the built platform on the rebuilt read model:
 * the 360° read latency and the freshness under background load. See report.ts for what each figure is.
 */
async function main(): Promise<void> {
  const config = readProjectionBenchConfig();
  const startedAt = new Date();
  const started = performance.now();
  const cleanup = new Cleanup();
  const root = mkdtempSync(join(tmpdir(), 'cdp-bench-projection-'));
  cleanup.add(`remove ${root}`, () => rmSync(root, { recursive: true, force: true }));
  cleanup.add('stop the platform and the jobs', () => (stopAllPlatforms(), stopAllJobs()));
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: cleaning up\n`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const results = await measure(config, root, startedAt, cleanup);
    results.loadAtEnd = loadavg();
    results.seconds = (performance.now() - started) / 1000;
    // Kept, so that the report can be rendered again without measuring again.
    mkdirSync(join(repoRoot, '.bench'), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    const report = renderReport(results);
    process.stdout.write(`\n${report}`);
    if (config.writeDocs) {
      writeDocsSection(docsFile, { name: 'project', after: ['ingest', 'store'] }, report);
      process.stderr.write(`\nwritten to ${docsFile}\n`);
    } else {
      process.stderr.write(`\nnot written to ${docsFile} (BENCH_WRITE_DOCS=1 writes it)\n`);
    }
  } finally {
    await cleanup.run();
  }
}

async function measure(
  config: ReturnType<typeof readProjectionBenchConfig>,
  root: string,
  startedAt: Date,
  cleanup: Cleanup,
): Promise<ProjectionBenchResults> {
  const loadAtStart = loadavg();
  // Read now: `npm run bench:project` built the platform just before this process started.
  const source = sourceRevision();
  const machine = describeMachine(root);
  const h = config.history;
  phase(`History: ${h.events.toLocaleString('en-US')} events over ${h.customers.toLocaleString('en-US')} parties in ${h.dataDir}`);
  const history = await ensureHistoryStore(h, (p) => process.stderr.write(`  loading: ${p.events.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} events\n`));
  process.stderr.write(`  ${history.reused ? `reused (loaded ${history.loadedAt})` : `loaded in ${history.loadSeconds} s`}; head ${history.headPosition}\n`);
  const prefixPosition = await positionOf(h.dataDir, config.prefixEvents);

  const runId = randomBytes(4).toString('hex');
  const mongo = (what: string): StoreSpec => ({ kind: 'ferretdb', url: config.mongoUrl, database: `cdp_bench_projection_${runId}_${what}` });
  for (const what of ['rebuild', 'ceiling']) cleanup.add(`drop the FerretDB database ${what}`, () => removeStore(mongo(what)));
  const results: ProjectionBenchResults = {
    config,
    machine,
    startedAt,
    seconds: 0,
    loadAtStart,
    loadAtEnd: [],
    source,
    versions: {
      sqlite: sqliteVersion(),
      betterSqlite3: packageVersion('better-sqlite3'),
      ferretdb: ferretdbVersion(),
      mongodbDriver: packageVersion('mongodb'),
      node: process.version,
    },
    history,
    prefix: { events: config.prefixEvents, position: prefixPosition },
    sides: [],
    gaps: [],
  };
  const seed = h.seed;
  const prefixStore = embeddedStore(root, 'embedded-prefix');
  const side = { historyDir: h.dataDir, events: config.prefixEvents, upTo: prefixPosition, seed };

  results.sides.push(await measureSide({ ...side, store: prefixStore, ceilingTarget: embeddedStore(root, 'embedded-prefix-ceiling') }));
  try {
    results.sides.push(
      await measureSide({
        ...side,
        store: mongo('rebuild'),
        ceilingTarget: mongo('ceiling'),
        documentsFrom: prefixStore,
        timeLimitMs: config.ferretdbTimeLimitMs,
      }),
    );
  } catch (error) {
    results.gaps.push(`FerretDB: ${describe(error)}`);
    process.stderr.write(`  FerretDB failed: ${describe(error)}\n`);
  }
  await removeStore(mongo('rebuild'));
  const idle = await waitForFerretDbIdle();
  if (!idle.idle) results.gaps.push(`FerretDB was still busy ${Math.round(idle.seconds)} s after its side ended: the embedded figures below shared the machine with it`);
  else if (idle.seconds > 12) process.stderr.write(`  waited ${idle.seconds.toFixed(0)} s for FerretDB to finish the work of killed clients\n`);

  // The platform's read model: the whole history into the embedded store (the prefix's when that is all of it).
  const fullStore = embeddedStore(root, 'embedded-full');
  const full = config.prefixEvents < h.events ? { ...side, events: h.events, upTo: history.headPosition, store: fullStore } : undefined;
  const platformStore = full ? fullStore : prefixStore;
  if (full) {
    phase(`Rebuild of customer-360 into the embedded store, the whole history (${h.events.toLocaleString('en-US')} events)`);
    const rebuild = await runStoreJob({ kind: 'rebuild', projection: 'customer360', historyDir: h.dataDir, upTo: full.upTo, store: fullStore });
    results.sides.push({ store: 'embedded', events: h.events, rebuild });
    process.stderr.write(`  ${rebuild.events.toLocaleString('en-US')} events in ${rebuild.seconds.toFixed(1)} s: ${Math.round(rebuild.events / rebuild.seconds).toLocaleString('en-US')} events/s; peak RSS ${Math.round(Math.max(rebuild.memory.peakRssMiB, rebuild.memory.hwmMiB))} MiB\n`);
  }

  phase('sales-by-month brought to the head too (the platform runs both projections; not a figure of this benchmark)');
  results.salesByMonth = await runStoreJob({ kind: 'rebuild', projection: 'salesByMonth', historyDir: h.dataDir, upTo: history.headPosition, store: platformStore });
  process.stderr.write(`  ${results.salesByMonth.events.toLocaleString('en-US')} events in ${results.salesByMonth.seconds.toFixed(1)} s\n`);

  phase('The built platform on a copy of the history and the rebuilt read model: 360° reads, then freshness under load');
  try {
    results.platform = await runPlatformPhase({
      historyDir: h.dataDir,
      readStoreFile: platformStore.file,
      workDir: root,
      ...platformPhaseSettings(config),
    });
    const { reads, freshness } = results.platform;
    process.stderr.write(
      `  GET p50 ${reads.http.p50.toFixed(2)} ms, p99 ${reads.http.p99.toFixed(2)} ms; freshness p50 ${freshness.fromPost.p50.toFixed(1)} ms, p99 ${freshness.fromPost.p99.toFixed(1)} ms\n`,
    );
  } catch (error) {
    results.gaps.push(`platform: ${describe(error)}`);
    process.stderr.write(`  the platform phase failed: ${describe(error)}\n`);
  } finally {
    rmSync(join(root, 'platform-events'), { recursive: true, force: true });
  }

  if (full) {
    const fullSide = results.sides[results.sides.length - 1];
    const rebuild = fullSide.rebuild!;
    phase(`Raw ceiling: bulkReplace of the same ${rebuild.writes.upserts.toLocaleString('en-US')} document writes into the embedded store`);
    const target = embeddedStore(root, 'embedded-full-ceiling');
    try {
      fullSide.ceiling = await runStoreJob({
        kind: 'ceiling',
        source: fullStore,
        target,
        writes: rebuild.writes.upserts,
        batchSize: Math.max(1, Math.round(rebuild.writes.upserts / Math.max(1, rebuild.writes.batches))),
        seed,
      });
      process.stderr.write(`  ${Math.round(fullSide.ceiling.documents / fullSide.ceiling.seconds).toLocaleString('en-US')} documents/s\n`);
    } finally {
      await removeStore(target);
    }
  }
  return results;
}

async function positionOf(dataDir: string, n: number): Promise<string> {
  const store = openEmbeddedEventStore({ dataDir, readOnly: true });
  try {
    return await positionOfEvent(store, n);
  } finally {
    await store.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/** The FerretDB that infra/start.sh runs. */
function ferretdbVersion(): string {
  try {
    return /^FERRETDB_VERSION=(\S+)/m.exec(readFileSync(join(repoRoot, 'infra', 'lib.sh'), 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}


main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
