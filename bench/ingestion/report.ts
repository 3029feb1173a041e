import { int, duration, mib, pct, seconds, yes } from './format';
import { findings } from './findings';
import { memorySection } from './memory-section';
import { profileSection } from './profile-section';
import { customerConcurrency, maxItemsPerCommand } from './raw-appends';
import { ceilings, endToEndRate, IngestBenchResults } from './results';
import { EndToEndRun } from './end-to-end';
import { sampleEveryMs } from './ingest-watch';

export const command = 'npm run build --silent && node --expose-gc --conditions=@cdp/source -r ./bench/register.js bench/ingestion/run.ts';

const targets = { eventsPerSecond: 25_000, shareOfSlowerCeiling: 0.5, rssMB: 512 };
const mbPerMiB = 1.048576;

export function renderReport(r: IngestBenchResults): string {
  const c = r.config;
  const w = r.workload;
  const e2e = r.endToEnd;
  const { consumeRates, appendRates, consumeRate, appendRate } = ceilings(r);
  const e2eRate = endToEndRate(r);
  const steadyRate = (0.8 * w.events) / e2e.steadySeconds;
  const slower = Math.min(consumeRate, appendRate);
  const slowerName = consumeRate <= appendRate ? 'raw consume' : 'raw appends';
  const peakMB = Math.max(e2e.peakRssMiB, e2e.hwmMiB) * mbPerMiB;
  const profilePeakMB = r.profile ? Math.max(r.profile.run.peakRssMiB, r.profile.run.hwmMiB) * mbPerMiB : undefined;
  const consume = r.rawConsume[0];
  const appends = r.rawAppends[0];
  const batches = consume.batches;
  const meanBatch = consume.messages / batches.length;
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');

  add(
    '## Ingestion: Kafka to the event store',
    '',
    `Run on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, on commit ${r.source.commit}${r.source.dirty ? ' with uncommitted changes in apps/ or libs/' : ''}; the whole run took ${duration(r.seconds)},`,
    `of which ${duration(r.produced.seconds)} producing the main topic (untimed).`,
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
    'The runs go one after the other in this one process: raw consume, raw appends, end to end, then raw appends and raw consume again,',
    'so that the end-to-end run is bracketed by both ceilings (a slower or faster spell of the shared machine shows as a difference between',
    'the two runs of a ceiling); each ceiling is the mean of its two runs.',
    '',
    '### Results',
    '',
    '| Run | Messages | Time (s) | Events/s | End to end ÷ this |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.rawConsume.map(
      (run, k) =>
        `| Raw consume ${k === 0 ? 'before' : 'after'} end to end: kafkajs, new group, one worker per partition, each batch resolved and committed, nothing else | ${int(run.messages)} | ${seconds(run.seconds)} | ${int(consumeRates[k])} | ${pct(e2eRate / consumeRates[k])} |`,
    ),
    `| **Raw consume ceiling**, the mean | | | **${int(consumeRate)}** | **${pct(e2eRate / consumeRate)}** |`,
    ...r.rawAppends.map(
      (run, k) =>
        `| Raw appends ${k === 0 ? 'before' : 'after'} end to end: the same events, grouped as the gateway groups them, straight to the embedded store (durability \`full\`) | ${int(run.messages)} | ${seconds(run.seconds)} | ${int(appendRates[k])} | ${pct(e2eRate / appendRates[k])} |`,
    ),
    `| **Raw appends ceiling**, the mean | | | **${int(appendRate)}** | **${pct(e2eRate / appendRate)}** |`,
    `| **End to end**: the built platform (consume, parse, validate, decide, encrypt, append, commit), from "listening" to all committed | ${int(e2e.messages)} | ${seconds(e2e.seconds)} | **${int(e2eRate)}** | 100% |`,
    `| End to end, steady state: from 10% to 90% committed | ${int(0.8 * e2e.messages)} | ${seconds(e2e.steadySeconds)} | ${int(steadyRate)} | |`,
    '',
    `End to end runs at ${pct(e2eRate / slower)} of the slower raw ceiling (${slowerName}, ${int(slower)}/s), ${ofBothRuns(e2eRate, slowerName === 'raw consume' ? consumeRates : appendRates)};`,
    `the raw consume alone is ${(consumeRate / appendRate).toFixed(1)}× the raw appends. One event per message, so events/s and messages/s are the same numbers.`,
    '',
    'How each run is timed:',
    '',
    `- Raw consume: from \`consumer.run()\` (${seconds(consume.joinSeconds)} s of it joining the group) to the commit of the last batch acknowledged.`,
    `  kafkajs handed over ${int(batches.length)} batches (${int(meanBatch)} messages on average) from ${int(consume.fetches)} fetches;`,
    `  the fetch requests themselves took ${seconds(consume.fetchSeconds)} s of the ${seconds(consume.seconds)} s (kafkajs waits for every batch of a fetch before the next).`,
    `- Raw appends: the gateway's grouping, batch for batch as kafkajs handed them to the raw consumer (its batches, fetch by fetch, the batches of`,
    `  one fetch side by side as kafkajs's workers run them); in each batch, one append per customer (at most ${maxItemsPerCommand} messages), ${customerConcurrency}`,
    '  customers at once, each append expecting the revision the previous one left, as the command handler does. The events are built exactly as',
    '  the gateway builds them (`parseIngestionBytes`, the customer decider, the same metadata with the Kafka coordinates), before each timed stretch',
    `  of ${int(c.appendChunk)} messages, after a GC; only the store calls are timed. ${int(appends.appends)} appends;`,
    `  ${appends.splits === 0 ? 'none went over the store\'s 1 MiB limit' : `${int(appends.splits)} went over the store's 1 MiB limit and were halved, as the handler does`}.`,
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
    `| Resident memory < ${targets.rssMB} MB whatever the backlog | peak ${int(peakMB)} MB (${mib(Math.max(e2e.peakRssMiB, e2e.hwmMiB))} MiB) with ${int(e2e.messages)} waiting${profilePeakMB === undefined ? '' : `; ${int(profilePeakMB)} MB with ${int(r.profile?.run.messages ?? 0)} waiting (under the profiler)`}; see the memory section for what it is | ${yes(peakMB < targets.rssMB && (profilePeakMB === undefined || profilePeakMB < targets.rssMB))} |`,
    '| Profile the gateway: where the time goes | below | reported |',
    '',
    ...memorySection(e2e, r.heapLimitMiB, r.profile?.run),
    ...(r.profile ? profileSection(r.profile.run, r.profile.summary) : ['Not profiled (`BENCH_PROFILE_MESSAGES=0`).', '']),
    ...(r.profile ? findings(r, r.profile.run, r.profile.summary) : []),
  );
  return `${lines.join('\n')}\n`;
}

/** "between 47% and 52% of its two runs", or "49% of each of its two runs" when they round alike. */
function ofBothRuns(rate: number, runRates: readonly number[]): string {
  const [low, high] = [pct(rate / Math.max(...runRates)), pct(rate / Math.min(...runRates))];
  return low === high ? `${low} of each of its two runs` : `between ${low} and ${high} of its two runs`;
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
  const texts = [...new Set(run.warnings.map(warningText))];
  return ` It logged ${run.warnings.length} warning(s): ${texts.map((text) => `“${text}”`).join('; ')}.`;
}

/** The message of a JSON log line (pino's or kafkajs's), cut short. */
function warningText(line: string): string {
  let text = line.trim();
  try {
    const entry = JSON.parse(line) as { msg?: unknown; message?: unknown; logger?: unknown };
    text = `${entry.logger ? `${String(entry.logger)}: ` : ''}${String(entry.msg ?? entry.message ?? line)}`;
  } catch {
    // Not JSON: as written.
  }
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
