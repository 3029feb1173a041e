import { Machine } from '../event-store/machine';
import { IngestBenchConfig } from './bench-config';
import { ProfileSummary } from './cpu-profile-summary';
import { EndToEndRun } from './end-to-end';
import { duration, int, mib, pct, seconds, share, yes } from './format';
import { crossing, sampleEveryMs } from './ingest-watch';
import { customerConcurrency, maxItemsPerCommand, RawAppendRun } from './raw-appends';
import { RawConsumeRun } from './raw-consume';

export const command = 'npm run build --silent && node --expose-gc --conditions=@cdp/source -r ./bench/register.js bench/ingestion/run.ts';

export interface IngestBenchResults {
  config: IngestBenchConfig;
  machine: Machine;
  startedAt: Date;
  seconds: number;
  loadAtStart: number[];
  loadAtEnd: number[];
  versions: { kafkajs: string; kafka: string; sqlite: string; betterSqlite3: string };
  workload: {
    fileMessages: number;
    customersPerRepetition: number;
    repetitions: number;
    types: [string, number][];
    meanBytes: number;
    maxBytes: number;
    events: number;
    personalFields: number;
  };
  produced: { seconds: number; bytes: number };
  rawConsume: RawConsumeRun;
  rawAppends: RawAppendRun;
  endToEnd: EndToEndRun;
  profile?: { run: EndToEndRun; summary: ProfileSummary };
}

const targets = { eventsPerSecond: 25_000, shareOfSlowerCeiling: 0.5, rssMB: 512 };
const mbPerMiB = 1.048576;

export function renderReport(r: IngestBenchResults): string {
  const c = r.config;
  const w = r.workload;
  const e2e = r.endToEnd;
  const consumeRate = r.rawConsume.messages / r.rawConsume.seconds;
  const appendRate = r.rawAppends.events / r.rawAppends.seconds;
  const e2eRate = w.events / e2e.seconds;
  const steadyRate = (0.8 * w.events) / e2e.steadySeconds;
  const slower = Math.min(consumeRate, appendRate);
  const slowerName = consumeRate <= appendRate ? 'raw consume' : 'raw appends';
  const peakMB = Math.max(e2e.peakRssMiB, e2e.hwmMiB) * mbPerMiB;
  const profilePeakMB = r.profile ? Math.max(r.profile.run.peakRssMiB, r.profile.run.hwmMiB) * mbPerMiB : undefined;
  const batches = r.rawConsume.batches;
  const meanBatch = r.rawConsume.messages / batches.length;
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');

  add(
    '## Ingestion: Kafka to the event store',
    '',
    `Run on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; the whole run took ${duration(r.seconds)}, of which ${duration(r.produced.seconds)} producing the main topic (untimed).`,
    '',
    `**Command:** \`npm run bench:ingest\`, that is \`${command}\`${c.overrides.length ? `, with ${c.overrides.map((o) => `\`${o}\``).join(' ')}` : ''}.`,
    'Counts can be lowered for a smoke run (`BENCH_MESSAGES`, `BENCH_PROFILE_MESSAGES`; `BENCH_PROFILE_MESSAGES=0` skips the profile);',
    'such a run prints its report but leaves this file alone unless `BENCH_WRITE_DOCS=1`. `ONLINE_RETAIL_CSV` and `KAFKA_BROKERS` (default 127.0.0.1:39092) point elsewhere.',
    '',
    `**Machine:** ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB.toFixed(1)} GiB memory; Node ${r.machine.node}; ${r.machine.os};`,
    `load average (1 / 5 / 15 min) ${load(r.loadAtStart)} at the start, ${load(r.loadAtEnd)} at the end.`,
    `Data files in ${r.machine.disk}, a virtual disk; there, fdatasync after an 8 KiB write takes p50 ${seconds(r.machine.fsync.p50)} ms, p99 ${seconds(r.machine.fsync.p99)} ms,`,
    `and 128 KiB writes each followed by fdatasync run at ${int(r.machine.syncedWriteMBps)} MB/s. SQLite ${r.versions.sqlite} through better-sqlite3 ${r.versions.betterSqlite3}.`,
    `Kafka ${r.versions.kafka}: the single-node KRaft broker of \`infra/start.sh\` (JVM heap 512 MiB), on the same machine, so broker, platform`,
    `and benchmark share the ${r.machine.cores} cores. kafkajs ${r.versions.kafkajs} on both sides.`,
    '',
    `**Workload:** the Online Retail file through \`onlineRetailMessages\`: ${int(w.fileMessages)} messages about ${int(w.customersPerRepetition)} customers`,
    `(${w.types.map(([type, count]) => `${type} ${int(count)}`).join(', ')}), repeated under new ids until there are ${int(c.messages)}:`,
    `in repetition *r* the customer is \`<CustomerID>-r<r>\` and the event id uuid v5 of \`<original event id>/<r>\`, so each repetition brings`,
    `${int(w.customersPerRepetition)} new customers with the same history (${w.repetitions.toFixed(1)} repetitions, the last one partial).`,
    `They are produced in file order, one repetition after the other, keyed by customer id (the Java clients' partitioner) to a new topic`,
    `of ${c.partitions} partitions, values as the importer writes them (JSON, no compression): mean ${int(w.meanBytes)} B, largest ${int(w.maxBytes)} B,`,
    `${(r.produced.bytes / 1e9).toFixed(2)} GB in all. Each message becomes one event (${int(w.events)} events).`,
    'Every message is valid: no poison message and no redelivery, so the dead-letter and duplicate paths are not exercised here',
    '(`kafka-nothing-lost.e2e.spec.ts` covers them).',
    personalFieldsNote(w.personalFields),
    'The topics are filled before anything is timed (acks from all replicas, idempotent producer) and written to disk (`sync`);',
    'so is every deleted store before the next run. Each run reads with a new consumer group, and each store is a new data folder under',
    '`os.tmpdir()`. Topics, groups and folders are deleted at the end.',
    '',
    'The three runs go one after the other in this one process, in this order: raw consume, raw appends, end to end.',
    '',
    '### Results',
    '',
    '| Run | Messages | Time (s) | Events/s | End to end ÷ this |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| Raw consume: kafkajs, new group, one worker per partition, each batch resolved and committed, nothing else (messages/s) | ${int(r.rawConsume.messages)} | ${seconds(r.rawConsume.seconds)} | ${int(consumeRate)} | ${pct(e2eRate / consumeRate)} |`,
    `| Raw appends: the same events, grouped as the gateway groups them, straight to the embedded store (durability \`full\`) | ${int(r.rawAppends.messages)} | ${seconds(r.rawAppends.seconds)} | ${int(appendRate)} | ${pct(e2eRate / appendRate)} |`,
    `| **End to end**: the built platform (consume, parse, validate, decide, encrypt, append, commit), from "listening" to all committed | ${int(e2e.messages)} | ${seconds(e2e.seconds)} | **${int(e2eRate)}** | 100% |`,
    `| End to end, steady state: from 10% to 90% committed | ${int(0.8 * e2e.messages)} | ${seconds(e2e.steadySeconds)} | ${int(steadyRate)} | |`,
    '',
    `End to end runs at ${pct(e2eRate / slower)} of the slower raw ceiling (${slowerName}, ${int(slower)}/s); the raw consume alone is`,
    `${(consumeRate / appendRate).toFixed(1)}× the raw appends.`,
    '',
    'How each run is timed:',
    '',
    `- Raw consume: from \`consumer.run()\` (${seconds(r.rawConsume.joinSeconds)} s of it joining the group) to the commit of the last batch acknowledged.`,
    `  kafkajs handed over ${int(batches.length)} batches (${int(meanBatch)} messages on average) from ${int(r.rawConsume.fetches)} fetches;`,
    `  the fetch requests themselves took ${seconds(r.rawConsume.fetchSeconds)} s of the ${seconds(r.rawConsume.seconds)} s (kafkajs waits for every batch of a fetch before the next).`,
    `- Raw appends: the gateway's grouping, batch for batch as kafkajs handed them to the raw consumer (its batches, fetch by fetch, the batches of`,
    `  one fetch side by side as kafkajs's workers run them); in each batch, one append per customer (at most ${maxItemsPerCommand} messages), ${customerConcurrency}`,
    '  customers at once, each append expecting the revision the previous one left, as the command handler does. The events are built exactly as',
    '  the gateway builds them (`parseIngestionBytes`, the customer decider, the same metadata with the Kafka coordinates), before each timed stretch',
    `  of ${int(c.appendChunk)} messages, after a GC; only the store calls are timed. ${int(r.rawAppends.appends)} appends;`,
    `  ${r.rawAppends.splits === 0 ? 'none went over the store\'s 1 MiB limit' : `${int(r.rawAppends.splits)} went over the store's 1 MiB limit and were halved, as the handler does`}.`,
    `- End to end: \`node apps/platform/dist/main.js\` with \`PORT=0 HOST=127.0.0.1 LOG_LEVEL=info\`, a new \`EVENT_STORE_DATA_DIR\` (durability \`full\`,`,
    `  the default; the embedded key store in the same folder), \`KAFKA_INGEST_TOPICS\`, a new \`KAFKA_CONSUMER_GROUP\`, a new \`KAFKA_DEAD_LETTER_TOPIC\`,`,
    `  \`KAFKA_INGEST_PARTITIONS=${c.partitions}\`. Timed from its "listening" line (${seconds(e2e.startupSeconds)} s after spawn; its consumer joins before the`,
    `  HTTP server listens, and ${int(e2e.committedAtListening)} messages were committed by then) to the first of the ${sampleEveryMs} ms polls of the group's`,
    `  committed offsets (\`admin.fetchOffsets\`) that found all ${int(e2e.messages)}. Then SIGTERM: it stopped in ${seconds(e2e.stopSeconds)} s with`,
    `  ${exitText(e2e)}. Checked afterwards: the store (opened read-only) holds ${int(e2e.stored)} events, ${e2e.storeMatches ? 'exactly the expected event ids' : '**not the expected event ids**'};`,
    `  the dead-letter topic holds ${int(e2e.deadLetters)} messages.${warningsText(e2e)}`,
    '',
    '### Targets',
    '',
    '| Target | Measured | Met? |',
    '| --- | --- | --- |',
    `| End to end ≥ ${int(targets.eventsPerSecond)} events/s | ${int(e2eRate)} events/s (steady state ${int(steadyRate)}) | ${yes(e2eRate >= targets.eventsPerSecond)} |`,
    `| End to end ≥ ${pct(targets.shareOfSlowerCeiling)} of the slower raw ceiling | ${pct(e2eRate / slower)} of ${slowerName} (${int(slower)}/s) | ${yes(e2eRate >= targets.shareOfSlowerCeiling * slower)} |`,
    `| Resident memory < ${targets.rssMB} MB whatever the backlog | peak ${int(peakMB)} MB (${mib(Math.max(e2e.peakRssMiB, e2e.hwmMiB))} MiB) with ${int(e2e.messages)} waiting${profilePeakMB === undefined ? '' : `; ${int(profilePeakMB)} MB with ${int(r.profile?.run.messages ?? 0)} waiting (under the profiler)`} | ${yes(peakMB < targets.rssMB && (profilePeakMB === undefined || profilePeakMB < targets.rssMB))} |`,
    '| Profile the gateway: where the time goes | below | reported |',
    '',
    ...memorySection(e2e, r.profile?.run),
    ...(r.profile ? profileSection(r.profile.run, r.profile.summary) : ['Not profiled (`BENCH_PROFILE_MESSAGES=0`).']),
  );
  return `${lines.join('\n')}\n`;
}

function personalFieldsNote(personalEvents: number): string {
  return personalEvents === 0
    ? 'The file has no personal field (no name, email, phone or street; an address\'s country is not personal), so the cipher checks every event and encrypts none: this run costs AES-GCM nothing.'
    : `${int(personalEvents)} events of each repetition carry a personal field, which the cipher encrypts (AES-GCM).`;
}

function exitText(run: EndToEndRun): string {
  return run.exit.code === 0 ? 'exit code 0' : `**exit ${run.exit.code ?? run.exit.signal}**`;
}

function warningsText(run: EndToEndRun): string {
  if (run.warnings.length === 0) return ' It logged no warning.';
  return ` It logged ${run.warnings.length} warning(s), the first: \`${run.warnings[0].slice(0, 300).replace(/`/g, "'")}\`.`;
}

function memorySection(run: EndToEndRun, profiled?: EndToEndRun): string[] {
  const rows = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((fraction) => {
    const target = run.messages * fraction;
    const sample = run.samples.find((s) => s.committed >= target) ?? run.samples[run.samples.length - 1];
    return `| ${pct(fraction)} | ${seconds(sample.seconds)} | ${int(sample.committed)} | ${mib(sample.rssMiB)} | ${mib(sample.anonMiB)} | ${mib(sample.fileMiB)} |`;
  });
  const peak = run.peak;
  return [
    '### Memory of the platform',
    '',
    `Sampled every ${sampleEveryMs} ms from \`/proc/<pid>/status\` while it ingested the ${int(run.messages)} messages (${run.samples.length} samples).`,
    `Peak VmRSS sampled: ${mib(peak.rssMiB)} MiB (anonymous ${mib(peak.anonMiB)}, file-backed ${mib(peak.fileMiB)}) at ${seconds(peak.seconds)} s;`,
    `the kernel's high-water mark (VmHWM, no peak between samples escapes it) read before the stop: ${mib(run.hwmMiB)} MiB.`,
    'File-backed pages are mostly SQLite\'s memory map of the log (mmap_size 256 MiB) and the code of node and its addons; anonymous memory',
    'holds the JS heap, the Kafka batches in flight and SQLite\'s page cache (64 MiB).',
    ...(profiled
      ? [`With ${int(profiled.messages)} messages waiting (the profiled run, with the profiler's own memory): peak ${mib(profiled.peakRssMiB)} MiB, VmHWM ${mib(profiled.hwmMiB)} MiB.`]
      : []),
    '',
    '| Committed | At (s) | Messages | RSS (MiB) | Anonymous | File-backed |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function profileSection(run: EndToEndRun, p: ProfileSummary): string[] {
  const rate = run.stored / run.seconds;
  const steady = (0.8 * run.stored) / (crossing(run.samples, run.messages, 0.9) - crossing(run.samples, run.messages, 0.1));
  return [
    '### Where the time goes',
    '',
    `A second end-to-end run, on a topic of its own holding the first ${int(run.messages)} messages of the backlog (new group, new data folder), with`,
    `\`node --cpu-prof\`: ${int(rate)} events/s under the profiler (steady state ${int(steady)}), the store ${run.storeMatches ? 'checked as above' : '**not as expected**'}.`,
    `Summarised by \`bench/ingestion/cpu-profile-summary.ts\` over the ${p.windowed ? 'samples from "listening" to all committed' : 'whole profile (the window could not be placed)'}:`,
    `${int(p.samples)} samples over ${seconds(p.windowSeconds)} s of the main thread (one every ${p.meanIntervalMs.toFixed(2)} ms), each weighing the time to the next.`,
    'A sample counts for the first frame from the top of its stack that belongs to a category; native frames count for the code that called them',
    '(JSON.parse for `parseIngestionBytes`, better-sqlite3\'s statements and the COMMIT\'s fsync for the event store), and so do Node\'s own',
    'modules (node:crypto for uuid and the cipher). better-sqlite3 is synchronous: its disk waits are main-thread time, not idle.',
    '',
    '| Category | Self time (ms) | Of all | Of busy (not idle) |',
    '| --- | ---: | ---: | ---: |',
    ...p.categories.map((c) => `| ${c.label} | ${int(c.ms)} | ${share(c.share)} | ${c.busyShare === 0 ? '' : share(c.busyShare)} |`),
    '',
    'Inclusive time of a few functions (a sample counts once for a row when the function is anywhere on its stack):',
    '',
    '| Function | Time (ms) | Of all | Of busy |',
    '| --- | ---: | ---: | ---: |',
    ...p.inclusive.map((row) => `| ${row.label} | ${int(row.ms)} | ${share(row.share)} | ${share(row.busyShare)} |`),
    '',
    `The ${p.top.length} functions with the most self time (pseudo-frames such as GC and idle are in the categories above):`,
    '',
    '| Function | Where | Category | Self time (ms) | Of busy |',
    '| --- | --- | --- | ---: | ---: |',
    ...p.top.map((f) => `| \`${f.label}\` | ${f.location} | ${f.category} | ${int(f.ms)} | ${share(f.busyShare)} |`),
    '',
  ];
}
