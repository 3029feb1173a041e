import { suppressionPostingsCollection } from '@cdp/audiences';
import { campaignPostingKeys } from '@cdp/campaigns';
import { openMongoReadStore } from '@cdp/mongodb';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDocsSection } from '../docs-section';
import { describeMachine } from '../event-store/machine';
import { phase } from '../event-store/progress';
import { sqliteVersion } from '../event-store/raw-sqlite';
import { Cleanup } from '../ingestion/cleanup';
import { startPlatform, stopAllPlatforms } from '../ingestion/platform-process';
import { ensureHistoryStore } from '../projection/history-store';
import { sourceRevision } from '../source-revision';
import { readAudienceBenchConfig, benchRoot } from './audience-bench-config';
import { copyAudienceReadModels } from './ferretdb-copy';
import { audienceByFullScan, segmentsByFullScan } from './full-scan-baseline';
import { computeAudiences, eligibilityLatencies, post, waitForSegment } from './platform-audience';
import { ensureReadModels } from './read-models-build';
import { compileSegments, measureReevaluation } from './reevaluation';
import { renderAudienceReport } from './report';
import { AudienceBenchResults } from './results';
import { segmentMix } from './segment-mix';

const docsFile = join(benchRoot, 'docs', 'benchmarks.md');
const resultsFile = join(benchRoot, '.bench', 'audience-results.json');
const log = (line: string) => process.stderr.write(`${line}\n`);

const everyone = { segmentId: 'everyone', conditions: { field: 'orderCount', op: 'gte', value: 0 } };
const campaignId = 'bench-top-returns';

/**
 * The audience benchmark (`npm run bench:audience`): on the generator's history (10,000,000 events, 1,000,000
 * customers), with its read models built by the platform's workers, the built platform answers eligibility checks
 * and computes the audience of a segment of every customer for a campaign of the 10 most returned products, on the
 * embedded store and on FerretDB; beside it, the naive baseline (a full scan of every profile) and the cost of
 * re-evaluating one customer against 100 segments. See report.ts for what each figure is.
 */
async function main(): Promise<void> {
  const config = readAudienceBenchConfig();
  const startedAt = new Date();
  const started = performance.now();
  const cleanup = new Cleanup();
  const work = mkdtempSync(join(tmpdir(), 'cdp-bench-audience-'));
  cleanup.add(`remove ${work}`, () => rmSync(work, { recursive: true, force: true }));
  cleanup.add('stop the platforms', () => stopAllPlatforms());
  const interrupted = (signal: NodeJS.Signals) => {
    log(`\n${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const loadAtStart = loadavg();
    const source = sourceRevision();
    const machine = describeMachine(work);
    const h = config.history;

    phase(`History: ${h.events.toLocaleString('en-US')} events over ${h.customers.toLocaleString('en-US')} parties in ${h.dataDir}`);
    const history = await ensureHistoryStore(h, (p) => log(`  loading: ${p.events.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} events`));
    log(`  ${history.reused ? `reused (loaded ${history.loadedAt})` : `loaded in ${history.loadSeconds} s`}; head ${history.headPosition}`);

    phase(`Read models (360° view, audiences) in ${config.readModelsDir}`);
    const readModels = await ensureReadModels(history, h.dataDir, config.readModelsDir, log);
    log(`  ${readModels.reused ? `reused (built ${readModels.builtAt})` : `built in ${readModels.seconds} s`}`);

    phase('Copy of the history and its read models for the platform (it appends the segment and the campaign)');
    const copyStarted = performance.now();
    const eventsDir = join(work, 'events');
    const readModelsDir = join(work, 'read-models');
    cpSync(h.dataDir, eventsDir, { recursive: true });
    cpSync(config.readModelsDir, readModelsDir, { recursive: true });
    const copySeconds = (performance.now() - copyStarted) / 1000;

    const products = await mostReturnedProducts(join(readModelsDir, 'read-models.sqlite'), config.campaignProducts);
    const asOf = h.to;
    const campaign = {
      campaignId,
      name: `The ${products.length} most returned products`,
      channel: 'email',
      purpose: 'marketing',
      products: products.map((sku) => ({ sku })),
      categories: [],
      audienceSegmentId: everyone.segmentId,
      sendAt: asOf.toISOString(),
      suppressionScope: 'product',
    };
    log(`  ${copySeconds.toFixed(0)} s; the campaign promotes ${products.join(', ')}`);

    phase('The platform on the embedded stores: the segment of every customer, the audience, eligibility checks');
    const embeddedEnv = { PORT: '0', HOST: '127.0.0.1', EVENT_STORE_DATA_DIR: eventsDir, READ_STORE_DATA_DIR: readModelsDir, LOG_LEVEL: 'warn' };
    let platform = await startPlatform({ ...embeddedEnv, LOG_LEVEL: 'info' });
    await post(`${platform.url}/v1/segments`, { segmentId: everyone.segmentId, name: 'Every customer', conditions: everyone.conditions }, 'segment');
    await post(`${platform.url}/v1/campaigns`, campaign, 'campaign');
    const evaluation = await waitForSegment(platform, everyone.segmentId, log);
    log(`  segment evaluated over every customer in ${evaluation.seconds.toFixed(0)} s: ${evaluation.size.toLocaleString('en-US')} members`);
    const embeddedRuns = await computeAudiences(platform, campaignId, asOf, config.audienceRuns);
    for (const run of embeddedRuns) log(`  audience in ${run.seconds.toFixed(2)} s: ${run.audience.toLocaleString('en-US')} of ${run.members.toLocaleString('en-US')} members`);
    const eligibility = await eligibilityLatencies(platform, campaignId, h.customers, config.eligibilityChecks, h.seed, asOf);
    log(`  eligibility p50 ${eligibility.p50.toFixed(2)} ms, p99 ${eligibility.p99.toFixed(2)} ms`);
    const embeddedStartup = platform.startupMs / 1000;
    await platform.stop();

    phase('Baselines and re-evaluation, on the embedded read models');
    const readStore = openEmbeddedReadStore({ file: join(readModelsDir, 'read-models.sqlite') });
    const segments = compileSegments([everyone, ...segmentMix(config.segments - 1, h.seed)]);
    const reevaluation = await measureReevaluation(readStore, segments, h.customers, config.reevaluations, h.seed, h.to.getTime());
    log(`  re-evaluation against ${segments.length} segments: p50 ${(reevaluation.evaluation.p50 * 1000).toFixed(0)} µs`);
    const campaignForRule = { ...campaign, plannedAt: asOf.toISOString() } as never;
    const audienceScan = await audienceByFullScan(readStore, segments[0], campaignForRule, asOf);
    log(`  audience by full scan: ${audienceScan.seconds.toFixed(1)} s`);
    const segmentsScan = await segmentsByFullScan(readStore, segments, h.to.getTime());
    log(`  ${segments.length} segments by full scan: ${segmentsScan.seconds.toFixed(1)} s`);

    phase('FerretDB: the same read models, the same audience');
    const database = `cdp_bench_audience_${randomBytes(4).toString('hex')}`;
    const ferretdb = await openMongoReadStore({ url: config.mongoUrl, database });
    cleanup.add(`drop ${database}`, async () => {
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(config.mongoUrl);
      await client.db(database).dropDatabase();
      await client.close();
    });
    const keys = campaignPostingKeys(campaignForRule);
    const copied = await copyAudienceReadModels(readStore, ferretdb, everyone.segmentId, keys, config.ferretdbBaselineProfiles);
    log(`  ${copied.documents.toLocaleString('en-US')} documents copied in ${copied.seconds.toFixed(0)} s`);
    await readStore.close();
    platform = await startPlatform({ ...embeddedEnv, LOG_LEVEL: 'info', READ_STORE: 'mongodb', MONGODB_URL: config.mongoUrl, MONGODB_DATABASE: database, PROJECTIONS: 'off' });
    const ferretdbRuns = await computeAudiences(platform, campaignId, asOf, config.audienceRuns);
    for (const run of ferretdbRuns) log(`  audience in ${run.seconds.toFixed(2)} s: ${run.audience.toLocaleString('en-US')} of ${run.members.toLocaleString('en-US')} members`);
    const ferretdbStartup = platform.startupMs / 1000;
    await platform.stop();
    const ferretdbScan = await audienceByFullScan(ferretdb, segments[0], campaignForRule, asOf, config.ferretdbBaselineProfiles);
    log(`  audience by full scan of ${ferretdbScan.profiles.toLocaleString('en-US')} profiles: ${ferretdbScan.seconds.toFixed(1)} s`);
    await ferretdb.close();

    const results: AudienceBenchResults = {
      config,
      machine,
      startedAt,
      seconds: (performance.now() - started) / 1000,
      loadAtStart,
      loadAtEnd: loadavg(),
      source,
      versions: { sqlite: sqliteVersion(), node: process.version },
      history,
      readModels,
      copySeconds,
      campaign: { products, keys, asOf: asOf.toISOString() },
      embedded: { startupSeconds: embeddedStartup, evaluation, runs: embeddedRuns, eligibility },
      ferretdb: { database, copy: copied, startupSeconds: ferretdbStartup, runs: ferretdbRuns },
      baseline: { embeddedAudience: audienceScan, ferretdbAudience: ferretdbScan, segments: segmentsScan },
      reevaluation,
    };
    mkdirSync(join(benchRoot, '.bench'), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    const report = renderAudienceReport(results);
    process.stdout.write(`\n${report}`);
    if (config.writeDocs) {
      writeDocsSection(docsFile, { name: 'audience', after: ['freshness', 'project', 'ingest', 'store'] }, report);
      log(`\nwritten to ${docsFile}`);
    } else {
      log(`\nnot written to ${docsFile} (BENCH_WRITE_DOCS=1 writes it)`);
    }
  } finally {
    await cleanup.run();
  }
}

/** The products with the most customers in their return and complaint postings. */
async function mostReturnedProducts(file: string, count: number): Promise<string[]> {
  const store = openEmbeddedReadStore({ file });
  try {
    const postings = await store.collection(suppressionPostingsCollection);
    const groups = await postings.sumBy('key', 'count');
    return groups
      .filter((group) => typeof group.value === 'string' && group.value.startsWith('product:'))
      .sort((a, b) => b.sum - a.sum || String(a.value).localeCompare(String(b.value)))
      .slice(0, count)
      .map((group) => String(group.value).slice('product:'.length));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:audience failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
