import { duration, int, pct, seconds, yes } from '../ingestion/format';
import { memorySampleMs, peakMiB } from './memory-watch';
import { Percentiles } from './percentiles';
import { ceilingEventsPerSecond, eventsPerSecond, ProjectionBenchResults, StoreSide } from './results';

export const command = 'npm run build --silent && node --conditions=@cdp/source -r ./bench/register.js bench/projection/run.ts';

const targets = { shareOfCeiling: 0.5, embeddedEventsPerSecond: 50_000, rssMB: 1000, freshnessP99Ms: 200, readP99Ms: 10 };
const mbPerMiB = 1.048576;

export function renderReport(r: ProjectionBenchResults): string {
  const c = r.config;
  const h = r.history;
  const p = r.platform;
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const fullSide = r.sides.find((side) => side.store === 'embedded' && side.events === h.events) ?? r.sides[0];
  const rebuildRuns = r.sides.flatMap((side) => (side.rebuild ? [side.rebuild] : []));
  const peakRebuildMB = Math.max(...rebuildRuns.map((run) => peakMiB(run.memory) * mbPerMiB));
  const platformMB = p ? peakMiB(p.memory) * mbPerMiB : undefined;

  add(
    '## Projections: rebuild of the 360° view, 360° reads, freshness',
    '',
    `Run on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, on commit ${r.source.commit}${r.source.dirty ? ' with uncommitted changes in apps/ or libs/' : ''}; the whole run took ${duration(r.seconds)}.`,
    '',
    `**Command:** \`npm run bench:project\`, that is \`${command}\`${c.overrides.length ? `, with ${c.overrides.map((o) => `\`${o}\``).join(' ')}` : ''}.`,
    'Counts can be lowered for a smoke run (`BENCH_EVENTS`, `BENCH_CUSTOMERS`, `BENCH_FERRETDB_EVENTS`, `BENCH_READS`, `BENCH_PROBES`);',
    'this file changes only with `BENCH_WRITE_DOCS=1`. `MONGODB_URL` (default mongodb://127.0.0.1:37017/) points at FerretDB.',
    '',
    `**Machine:** ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB.toFixed(1)} GiB memory; Node ${r.versions.node}; ${r.machine.os};`,
    `load average (1 / 5 / 15 min) ${load(r.loadAtStart)} at the start, ${load(r.loadAtEnd)} at the end. Data files in ${r.machine.disk}, a virtual disk;`,
    `there, fdatasync after an 8 KiB write takes p50 ${seconds(r.machine.fsync.p50)} ms, p99 ${seconds(r.machine.fsync.p99)} ms.`,
    `SQLite ${r.versions.sqlite} through better-sqlite3 ${r.versions.betterSqlite3}; FerretDB ${r.versions.ferretdb} (SQLite backend) as \`infra/start.sh\` runs it,`,
    `on the same machine, through the mongodb driver ${r.versions.mongodbDriver}.`,
    '',
    `**History:** ${int(h.events)} events over ${int(h.customers)} customers from \`@cdp/history-generator\` (seed ${h.seed}, business time ${h.from.slice(0, 10)} to ${h.to.slice(0, 10)}),`,
    `in an embedded event store (\`bench/projection/load-history.ts\`; loaded once in ${duration(h.loadSeconds)}, ${h.reused ? 'reused by this run' : 'by this run'}), opened read-only.`,
    `${typesText(r.sides[0])} The FerretDB side rebuilds its first ${int(r.prefix.events)} events (up to position ${r.prefix.position}):`,
    'FerretDB 1.x decodes its whole collection for each batch it writes (about 0.9 ms a document), so a longer stretch is out of its reach; the embedded store rebuilds the',
    'same stretch, for the two side by side, and then the whole history.',
    '',
    '### Rebuild beside the raw ceiling',
    '',
    '| Store | Events | Rebuild (s) | Rebuild events/s | Document writes (batches; mean per batch) | Raw ceiling (s) | Ceiling events/s | Rebuild ÷ ceiling | Peak RSS of the rebuild (MB) |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...r.sides.map(sideRow),
    '',
    ...howMeasured(r),
    '### 360° reads and freshness on the platform',
    '',
    ...(p ? platformSection(r) : ['Not measured: ' + r.gaps.filter((gap) => gap.startsWith('platform')).join('; '), '']),
    '### Targets',
    '',
    '| Target | Measured | Met? |',
    '| --- | --- | --- |',
    ...r.sides.map((side) => shareRow(side)),
    `| Rebuild into the embedded store ≥ ${int(targets.embeddedEventsPerSecond)} events/s | ${rebuildRate(fullSide)} events/s over ${int(fullSide.events)} events | ${yes(rebuildEventsPerSecond(fullSide) >= targets.embeddedEventsPerSecond)} |`,
    `| Resident memory < ${int(targets.rssMB)} MB throughout | rebuilds: peak ${int(peakRebuildMB)} MB; platform${p ? ` during reads and freshness: peak ${int(platformMB ?? 0)} MB` : ': not measured'} | ${yes(peakRebuildMB < targets.rssMB && (platformMB ?? 0) < targets.rssMB)} |`,
    p
      ? `| Freshness: p99 < ${targets.freshnessP99Ms} ms at ${int(c.loadPerSecond)} events/s of background load | p99 ${p.freshness.timedOut ? '≥ ' : ''}${ms(p.freshness.fromPost.p99)} ms over ${int(p.freshness.fromPost.count)} probes${p.freshness.timedOut ? `, ${p.freshness.timedOut} not visible within 5 s` : ''}${p.freshness.failure ? ` (stopped ${p.freshness.failure})` : ''}; load achieved ${int(p.freshness.load.recorded / p.freshness.load.seconds)} events/s | ${yes(p.freshness.fromPost.p99 < targets.freshnessP99Ms && p.freshness.timedOut === 0)} |`
      : '| Freshness | not measured | **no** |',
    p
      ? `| 360° read p99 < ${targets.readP99Ms} ms with ${int(h.customers)} customers | p99 ${ms(p.reads.http.p99)} ms (GET), ${ms(p.reads.store.p99)} ms (collection.get) | ${yes(p.reads.http.p99 < targets.readP99Ms)} |`
      : '| 360° read latency | not measured | **no** |',
    '',
    ...(r.gaps.length ? ['**Not measured or failed:**', '', ...r.gaps.map((gap) => `- ${gap}`), ''] : []),
  );
  return `${lines.join('\n')}\n`;
}

function sideRow(side: StoreSide): string {
  const { rebuild, ceiling } = side;
  const name = side.store === 'embedded' ? 'Embedded (SQLite)' : 'FerretDB';
  if (!rebuild) return `| ${name} | ${int(side.events)} | not run | | | | | | |`;
  const partial = rebuild.complete ? '' : ` (time limit: ${int(rebuild.events)} of ${int(side.events)} events)`;
  const ceilingRate = ceilingEventsPerSecond(side);
  const ceilingText = !ceiling
    ? `| ${side.ceilingError ? `failed: ${side.ceilingError.slice(0, 120)}` : 'not run'} | | `
    : `| ${seconds(ceiling.seconds)}${ceiling.complete ? '' : ` (time limit: ${int(ceiling.documents)} of ${int(rebuild.writes.upserts)} writes, scaled)`} | ${int(ceilingRate ?? 0)} | **${pct(rebuildEventsPerSecond(side) / (ceilingRate ?? NaN))}** `;
  return (
    `| ${name} | ${int(side.events)}${partial} | ${seconds(rebuild.seconds)} | **${rebuildRate(side)}** | ${int(rebuild.writes.upserts)} (${int(rebuild.writes.batches)}; ${int(rebuild.writes.upserts / Math.max(1, rebuild.writes.batches))}) ` +
    `${ceilingText}| ${int(peakMiB(rebuild.memory) * mbPerMiB)} |`
  );
}

function shareRow(side: StoreSide): string {
  const name = side.store === 'embedded' ? 'the embedded store' : 'FerretDB';
  const ceilingRate = ceilingEventsPerSecond(side);
  if (ceilingRate === undefined) return `| Rebuild ≥ ${pct(targets.shareOfCeiling)} of the raw ceiling, ${name}, ${int(side.events)} events | not measured | **no** |`;
  const share = rebuildEventsPerSecond(side) / ceilingRate;
  return `| Rebuild ≥ ${pct(targets.shareOfCeiling)} of the raw ceiling, ${name}, ${int(side.events)} events | ${pct(share)} (${rebuildRate(side)} ÷ ${int(ceilingRate)} events/s) | ${yes(share >= targets.shareOfCeiling)} |`;
}

function howMeasured(r: ProjectionBenchResults): string[] {
  const full = r.sides.find((side) => side.events === r.history.events && side.store === 'embedded');
  return [
    'How it is measured:',
    '',
    '- Rebuild: a `ProjectionWorker` of `@cdp/projection-engine` running the customer-360 projection alone (from `platformProjections()`),',
    '  with the platform\'s settings (2,000 events per batch, 10,000 documents cached), on a fresh read store: `start()`,',
    '  `waitUntilCaughtUp(last position)` (polled every 20 ms), `stop()`. Timed from `start()` to the end of `stop()`. Events/s counts the events',
    '  folded (the checkpoint\'s `eventsApplied`). The engine builds a fresh collection without its secondary indexes and creates them once it has',
    '  caught up, before `waitUntilCaughtUp` resolves: the time includes them. Each rebuild runs in a process of its own, under the platform\'s heap limit',
    `  (\`--max-old-space-size=192\`), with the embedded event store in it as the platform has it; its RSS is sampled every ${memorySampleMs} ms`,
    '  from outside and the kernel\'s high-water mark read at the end (FerretDB\'s own process is not counted). The FerretDB side reads a view',
    '  of the event store that ends at the last event of the stretch (`event-log-prefix.ts`).',
    '- Raw ceiling: the final documents of the rebuild (read back from the embedded read model, untimed), written with `bulkReplace` into a',
    '  fresh collection of the same definition in a fresh store, its secondary indexes deferred and then created (timed), as the rebuild does:',
    '  as many document writes as the rebuild made, in batches',
    '  of the rebuild\'s mean size per write, the ids in a seeded random order, cycling over them (so the first pass inserts, the later ones',
    '  replace, as in the rebuild). Ten batches are read, then written back to back; only the `bulkReplace` calls are timed. Ceiling',
    '  events/s = the rebuild\'s events ÷ the ceiling\'s seconds: the rate the rebuild would reach if folding, reading and checkpoints cost nothing.',
    ...(full?.ceiling
      ? [
          '  The whole-history ceiling runs last, after the platform has appended its background load to the read model\'s customers',
          '  (a few thousand documents with one more interaction): the same documents in all but that.',
        ]
      : []),
    ...(r.salesByMonth
      ? [
          `- Before the platform starts, the sales-by-month projection is brought to the head of the history in the same read model (untimed here:`,
          `  ${int(r.salesByMonth.events)} events in ${seconds(r.salesByMonth.seconds)} s), so that the platform's worker resumes both projections at the head.`,
        ]
      : []),
    '',
  ];
}

function platformSection(r: ProjectionBenchResults): string[] {
  const p = r.platform!;
  const f = p.freshness;
  const row = (name: string, values: Percentiles) =>
    `| ${name} | ${int(values.count)} | ${ms(values.p50)} | ${ms(values.p95)} | ${ms(values.p99)} | ${ms(values.max)} |`;
  return [
    `\`node --max-old-space-size=192 apps/platform/dist/main.js\` (the flags of \`npm start\`), with \`EVENT_STORE_DATA_DIR\` a copy of the history`,
    `(copied in ${seconds(p.copySeconds)} s: the platform takes the writer's lock and appends), \`READ_STORE_DATA_DIR\` the folder of the read model`,
    `rebuilt above (${int(r.history.customers)} customers), \`PERSONAL_DATA_DIR\` a new folder. It listened ${seconds(p.startupSeconds)} s after spawn;`,
    `${seconds(p.settleSeconds)} s later GET /v1/projections said both projections run with no lag (resumed from their checkpoints, no rebuild).`,
    '',
    `**360° reads:** ${int(r.config.readWarmup)} warm-up requests, then ${int(p.reads.http.count)} GET /v1/customers/{id} one after the other for random existing customers`,
    '(keep-alive, timed to the whole body read, anonymous analyst: no decryption), nothing else running; then as many `collection.get(id)` on the',
    `same SQLite file from the benchmark's process, the store's share of a read.${p.reads.notFound ? ` **${p.reads.notFound} answers were not 200.**` : ''}`,
    '',
    '| Read | Requests | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('GET /v1/customers/{id}', p.reads.http),
    row('collection.get(id), embedded', p.reads.store),
    '',
    `**Freshness:** background load of ${int(r.config.loadPerSecond)} InteractionRecorded events/s offered through POST /v1/events (every 10 ms a batch of the events`,
    `due by then, random customers, at most 8 requests in flight: a slow answer makes the next batches larger),`,
    `${int(f.load.recorded / f.load.seconds)} events/s recorded while the probes ran (${int(f.load.recorded)} in ${seconds(f.load.seconds)} s,`,
    `${f.load.failedRequests} requests failed), after a 3 s warm-up. Meanwhile a probe every ${r.config.probeEveryMs} ms or so: an InteractionRecorded for a customer`,
    'no other request touches (POST, one event), then GET /v1/customers/{id} with a 2 ms pause between answers until its interactionCount',
    `has grown (a GET every ${ms(f.pollMs)} ms on average). Measured from sending the POST, and from its answer (the event stored).`,
    '',
    '| Visible after | Probes | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('the POST was sent', f.fromPost),
    row('the POST was answered', f.fromAck),
    '',
    ...(f.failure ? [`**The probes stopped ${f.failure}.**`, ''] : []),
    `${f.timedOut ? `**${f.timedOut} probes were not visible within 5 s** (counted as 5 s above: those figures are lower bounds). ` : ''}The platform's RSS from start to stop: peak ${int(peakMiB(p.memory) * mbPerMiB)} MB`,
    `(${Math.round(p.memory.anonAtPeakMiB)} MiB anonymous, ${Math.round(p.memory.fileAtPeakMiB)} MiB mapped files at the peak sample).`,
    heapText(p.heapAfterGcMB),
    p.outOfHeap
      ? `**It ran out of its JS heap (\`--max-old-space-size=192\`: "JavaScript heap out of memory") and died with ${p.exit.signal ?? p.exit.code}.**`
      : `It stopped with ${p.exit.code === 0 ? 'exit code 0' : `**exit ${p.exit.code ?? p.exit.signal}**`}${logWarnings(p.warnings)}.`,
    '',
  ];
}

function heapText(afterGc: readonly number[]): string {
  if (afterGc.length === 0) return 'No major GC ran.';
  const max = Math.max(...afterGc);
  return `JS heap in use after its ${afterGc.length} major GCs (\`--trace-gc\`): ${afterGc[0].toFixed(0)} MB after the first, ${afterGc[afterGc.length - 1].toFixed(0)} MB after the last, ${max.toFixed(0)} MB at most, of a 192 MB limit.`;
}

/** The platform's own log lines at warn or above (JSON), not what node printed on stderr. */
function logWarnings(lines: readonly string[]): string {
  const messages = lines.flatMap((line) => {
    try {
      return [String((JSON.parse(line) as { msg?: unknown }).msg ?? line).slice(0, 140)];
    } catch {
      return [];
    }
  });
  return messages.length ? ` and logged ${messages.length} warning(s): ${[...new Set(messages)].map((m) => `“${m}”`).join('; ')}` : ' and logged no warning';
}

/** Events/s count the events of the projection's types: here, whether that is all of them. */
function typesText(side: StoreSide | undefined): string {
  if (!side?.rebuild?.complete) return '';
  return side.rebuild.events === side.events
    ? 'Every event is of a type the 360° view folds.'
    : `${int(side.rebuild.events)} of the first ${int(side.events)} events are of the types the 360° view folds.`;
}

function rebuildEventsPerSecond(side: StoreSide): number {
  return side.rebuild ? eventsPerSecond(side.rebuild.events, side.rebuild.seconds) : 0;
}

function rebuildRate(side: StoreSide): string {
  return int(rebuildEventsPerSecond(side));
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}
