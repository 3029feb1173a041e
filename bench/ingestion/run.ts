import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { kafkaClient } from '@cdp/kafka';
import { IngestionMessage } from '@cdp/online-retail-import';
import { Admin, Kafka } from 'kafkajs';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { describeMachine } from '../event-store/machine';
import { phase } from '../event-store/progress';
import { sqliteVersion } from '../event-store/raw-sqlite';
import { collectGarbage, elapsedMs, nowMs } from '../event-store/timing';
import { Backlog } from './backlog';
import { IngestBenchConfig, readBenchConfig } from './bench-config';
import { Cleanup } from './cleanup';
import { profileIn, summariseProfile } from './cpu-profile-summary';
import { writeDocsSection } from '../docs-section';
import { sourceRevision } from '../source-revision';
import { runEndToEnd } from './end-to-end';
import { FilledTopic, fillTopic } from './fill-topic';
import { GatewayEvents } from './gateway-events';
import { createTopic } from './kafka-topics';
import { readOnlineRetailMessages } from './online-retail-source';
import { stopAllPlatforms } from './platform-process';
import { RawAppendRun, timeRawAppends } from './raw-appends';
import { ConsumedBatch, RawConsumeRun, timeRawConsume } from './raw-consume';
import { renderReport } from './report';
import { IngestBenchResults } from './results';

const repoRoot = join(__dirname, '..', '..');
const docsFile = join(repoRoot, 'docs', 'benchmarks.md');

async function main(): Promise<void> {
  const config = readBenchConfig();
  const startedAt = new Date();
  const started = nowMs();
  const cleanup = new Cleanup();
  const root = mkdtempSync(join(tmpdir(), 'cdp-bench-ingest-'));
  cleanup.add(`remove ${root}`, () => rmSync(root, { recursive: true, force: true }));
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: cleaning up\n`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const results = await measure(config, root, startedAt, cleanup);
    await cleanup.run();
    results.loadAtEnd = loadavg();
    results.seconds = elapsedMs(started) / 1000;
    const report = renderReport(results);
    process.stdout.write(`\n${report}`);
    if (config.writeDocs) {
      writeDocsSection(docsFile, { name: 'ingest', after: ['store'] }, report);
      process.stderr.write(`\nwritten to ${docsFile}\n`);
    } else {
      process.stderr.write(`\nnot written to ${docsFile} (a smoke run; BENCH_WRITE_DOCS=1 writes it)\n`);
    }
  } finally {
    await cleanup.run();
  }
}

async function measure(config: IngestBenchConfig, root: string, startedAt: Date, cleanup: Cleanup): Promise<IngestBenchResults> {
  const loadAtStart = loadavg();
  // Read now: `npm run bench:ingest` built the platform just before this process started.
  const source = sourceRevision();
  const machine = describeMachine(root);
  const runId = randomBytes(4).toString('hex');
  const name = (what: string) => `cdp-bench-ingest-${runId}-${what}`;

  phase(`Reading ${config.onlineRetailCsv}, deciding its messages as the gateway would (untimed)`);
  const base = await readOnlineRetailMessages(config.onlineRetailCsv);
  const backlog = new Backlog(base, config.messages);
  const events = new GatewayEvents(backlog);
  const expected = events.expectedDigest(config.messages);
  process.stderr.write(`  ${base.length.toLocaleString('en-US')} messages in the file; ${expected.count.toLocaleString('en-US')} events expected\n`);

  const kafka: Kafka = kafkaClient({ brokers: config.brokers, clientId: name('bench'), logLevel: 'error' });
  const admin: Admin = kafka.admin();
  await admin.connect();
  cleanup.add('disconnect the Kafka admin', () => admin.disconnect());
  const topics = { main: name('events'), mainDead: name('events.dead-letter'), profile: name('profile'), profileDead: name('profile.dead-letter') };
  const groups = { raw: name('raw'), rawAfter: name('raw-after'), endToEnd: name('platform'), profile: name('platform-profile') };
  cleanup.add('delete the consumer groups', () => admin.deleteGroups(Object.values(groups)).catch(() => undefined));
  cleanup.add('delete the topics', () => admin.deleteTopics({ topics: Object.values(topics) }));
  for (const topic of Object.values(topics)) await createTopic(admin, topic, config.partitions);

  phase(`Producing ${config.messages.toLocaleString('en-US')} messages to ${topics.main} (${config.partitions} partitions; untimed)`);
  const filled = await fillTopic(kafka, admin, topics.main, config.partitions, backlog, config.messages);
  const profileFilled =
    config.profileMessages > 0 ? await fillTopic(kafka, admin, topics.profile, config.partitions, backlog, config.profileMessages) : undefined;
  settleDisk();

  const rawConsume = await timeRawConsumeOnce(kafka, config, topics.main, groups.raw, 'before end to end');
  const rawAppends = await timeRawAppendsOnce(root, 'raw-appends', events, filled, rawConsume.batches, config, expected.count, 'before end to end');

  phase('End to end: the built platform consumes the topic with a new group into a new data folder');
  cleanup.add('stop the platform', stopAllPlatforms);
  const endToEndDir = join(root, 'platform');
  const endToEnd = await runEndToEnd({
    admin,
    brokers: config.brokers,
    topic: topics.main,
    deadLetterTopic: topics.mainDead,
    groupId: groups.endToEnd,
    partitions: config.partitions,
    dataDir: endToEndDir,
    messages: config.messages,
    expected,
  });
  process.stderr.write(`  ${Math.round(endToEnd.messages / endToEnd.seconds).toLocaleString('en-US')} messages/s; peak RSS ${endToEnd.peakRssMiB.toFixed(0)} MiB\n`);
  for (const warning of endToEnd.warnings) process.stderr.write(`  platform: ${warning.trim().slice(0, 500)}\n`);
  rmSync(endToEndDir, { recursive: true, force: true });
  settleDisk();

  // The ceilings again, so that the end-to-end run is bracketed: a slower or faster spell of the shared machine shows.
  const rawAppendsAfter = await timeRawAppendsOnce(root, 'raw-appends-after', events, filled, rawConsume.batches, config, expected.count, 'after end to end');
  const rawConsumeAfter = await timeRawConsumeOnce(kafka, config, topics.main, groups.rawAfter, 'after end to end');

  let profile: IngestBenchResults['profile'];
  if (profileFilled) {
    phase(`Profile: the platform under --cpu-prof and --trace-gc, ${config.profileMessages.toLocaleString('en-US')} messages of their own topic, new group and data folder`);
    const profileDir = join(root, 'profile');
    const cpuProfileDir = join(root, 'cpu-profile');
    const run = await runEndToEnd({
      admin,
      brokers: config.brokers,
      topic: topics.profile,
      deadLetterTopic: topics.profileDead,
      groupId: groups.profile,
      partitions: config.partitions,
      dataDir: profileDir,
      messages: config.profileMessages,
      expected: events.expectedDigest(config.profileMessages),
      cpuProfileDir,
      traceGc: true,
    });
    const summary = summariseProfile(profileIn(cpuProfileDir), run.windowUs);
    profile = { run, summary };
    rmSync(profileDir, { recursive: true, force: true });
  }

  return {
    config,
    machine,
    startedAt,
    seconds: 0,
    loadAtStart,
    loadAtEnd: [],
    source,
    heapLimitMiB: getHeapStatistics().heap_size_limit / 1024 ** 2,
    versions: {
      kafkajs: packageVersion('kafkajs'),
      kafka: kafkaVersion(),
      sqlite: sqliteVersion(),
      betterSqlite3: packageVersion('better-sqlite3'),
    },
    workload: describeWorkload(base, backlog, events, filled.bytes / filled.messages, expected.count),
    produced: { seconds: filled.seconds, bytes: filled.bytes },
    rawConsume: [rawConsume, rawConsumeAfter],
    rawAppends: [rawAppends, rawAppendsAfter],
    endToEnd,
    profile,
  };
}

async function timeRawConsumeOnce(kafka: Kafka, config: IngestBenchConfig, topic: string, groupId: string, when: string): Promise<RawConsumeRun> {
  phase(`Raw consume, ${when}: a new group reads the whole topic, resolving and committing each batch, nothing else`);
  const run = await timeRawConsume(kafka, topic, groupId, config.partitions, config.messages);
  process.stderr.write(`  ${Math.round(run.messages / run.seconds).toLocaleString('en-US')} messages/s\n`);
  settleDisk();
  return run;
}

async function timeRawAppendsOnce(
  root: string,
  folder: string,
  events: GatewayEvents,
  filled: FilledTopic,
  batches: readonly ConsumedBatch[],
  config: IngestBenchConfig,
  expected: number,
  when: string,
): Promise<RawAppendRun> {
  phase(`Raw appends, ${when}: the same events straight to a new embedded store (durability full), grouped as the gateway groups them`);
  const dataDir = join(root, folder);
  mkdirSync(dataDir);
  collectGarbage();
  const store = openEmbeddedEventStore({ dataDir, durability: 'full' });
  let run: RawAppendRun;
  try {
    run = await timeRawAppends(store, events, filled, batches, config.appendChunk);
  } finally {
    await store.close();
  }
  if (run.events !== expected) throw new Error(`raw appends wrote ${run.events} events, not ${expected}`);
  rmSync(dataDir, { recursive: true, force: true });
  collectGarbage();
  settleDisk();
  return run;
}

function describeWorkload(base: readonly IngestionMessage[], backlog: Backlog, events: GatewayEvents, meanBytes: number, eventCount: number) {
  const types = new Map<string, number>();
  for (const message of base) types.set(message.type, (types.get(message.type) ?? 0) + 1);
  const sizes = base.map((message) => Buffer.byteLength(JSON.stringify(message)));
  return {
    fileMessages: base.length,
    customersPerRepetition: new Set(base.map((message) => message.customerId)).size,
    repetitions: backlog.repetitions,
    types: [...types].sort((a, b) => b[1] - a[1]),
    meanBytes,
    maxBytes: Math.max(...sizes),
    events: eventCount,
    personalFields: events.personalFieldCount(),
  };
}

/** Writes back what the OS still holds dirty (the topic's 1.4 GB, a deleted store), so that it does not land on the next timed run. */
function settleDisk(): void {
  spawnSync('sync');
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}


/** The broker infra/start.sh runs. */
function kafkaVersion(): string {
  try {
    return /^KAFKA_VERSION=(\S+)/m.exec(readFileSync(join(repoRoot, 'infra', 'lib.sh'), 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
