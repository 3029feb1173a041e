import { BenchConfig } from './bench-config';
import { EmmettResults } from './emmett-peer';
import { Machine } from './machine';
import { MemorySample, memoryGrowth } from './memory-samples';
import { RawInsertRun, RawReadRuns } from './raw-sqlite';
import { ReadRun } from './read-meter';
import { eventsPerSecond, ThroughputRun } from './timing';

export const command = 'node --expose-gc --conditions=@cdp/source -r ./bench/register.js bench/event-store/run.ts';

export interface BenchResults {
  config: BenchConfig;
  machine: Machine;
  startedAt: Date;
  seconds: number;
  sqlite: string;
  driver: string;
  logFileMiB: number;
  embedded: {
    sequential: ThroughputRun;
    concurrent: ThroughputRun;
    ingest: ThroughputRun;
    singleFull: ThroughputRun;
    singleNormal: ThroughputRun;
    readAll: ReadRun;
    catchUp: ReadRun;
  };
  raw: { inserts: RawInsertRun; statements: RawInsertRun; reads: RawReadRuns };
  peer: EmmettResults | { unavailable: string };
}

/** Events read, untimed, before the timed reads, once the store is reopened. */
export const warmUpEvents = 20_000;

/** RSS counts as flat when it grows by no more than this over the second half of a full read. */
export const flatRssMiB = 32;

const targets = { batchedEventsPerSecond: 100_000, shareOfRawCeiling: 0.5, readAllEventsPerSecond: 300_000 };

export function renderReport(r: BenchResults): string {
  const c = r.config;
  const e = r.embedded;
  const rate = (run: ThroughputRun) => eventsPerSecond(run);
  const ceiling = r.raw.inserts;
  const rawRate = rate(ceiling);
  const readAllGrowth = memoryGrowth(e.readAll.memory);
  const catchUpGrowth = memoryGrowth(e.catchUp.memory);
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);

  add(
    '## Event store',
    '',
    `Run on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; the whole run took ${duration(r.seconds)}.`,
    '',
    `**Command:** \`npm run bench:store\`, that is \`${command}\`${c.overrides.length ? `, with ${c.overrides.map((o) => `\`${o}\``).join(' ')}` : ''}.`,
    'Counts can be lowered for a smoke run (`BENCH_EVENTS`, `BENCH_STREAMS`, `BENCH_SINGLE`, `BENCH_PEER_EVENTS`, `BENCH_PEER_SINGLE`, `BENCH_PEER=0`);',
    'such a run prints its report but leaves this file alone unless `BENCH_WRITE_DOCS=1`.',
    '',
    `**Machine:** ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB.toFixed(1)} GiB memory; Node ${r.machine.node}; ${r.machine.os}; load average ${r.machine.loadAverage.toFixed(2)} at the start.`,
    `Data files in ${r.machine.disk}, a virtual disk; there, fdatasync after an 8 KiB write takes p50 ${ms(r.machine.fsync.p50)} ms, p99 ${ms(r.machine.fsync.p99)} ms,`,
    `and 128 KiB writes (about one append of 100 events) each followed by fdatasync run at ${int(r.machine.syncedWriteMBps)} MB/s.`,
    `SQLite ${r.sqlite} through ${r.driver}. Reads find the file in the OS page cache (it was just written, and it fits in memory).`,
    '',
    `**Workload:** a seeded generator (seed ${c.seed}) of customer events shaped like the platform's: 55% InteractionRecorded,`,
    '25% OrderPlaced (order lines, totals, address), 15% CustomerProfileUpdated, 5% ComplaintOpened, each with full envelope',
    `metadata (correlation and causation ids, source with Kafka coordinates, actor). Serialised data + metadata per event is drawn`,
    `uniformly from 512 to 2,048 bytes: mean ${int(ceiling.eventBytes.mean)} B, min ${int(ceiling.eventBytes.min)} B, max ${int(ceiling.eventBytes.max)} B.`,
    `Streams are \`customer-<id>\` over ${int(c.streams)} customers; append *j* goes to customer *j* mod ${int(c.streams)}.`,
    `Durability \`full\` (synchronous = FULL: an acknowledged append survives power loss) unless a row says \`normal\`.`,
    `Every store and the raw ceiling get the same events. Each run starts on a new database file (under \`os.tmpdir()\`, deleted at the end),`,
    `except the single appends, which go to the store the concurrent run filled (${int(e.concurrent.events)} events), as they would in production.`,
    `Only the store calls are timed: events are generated in chunks of 50,000 before each timed stretch.`,
    `The four batched writers (embedded one append at a time, embedded ${c.batchesInFlight} in flight, raw INSERTs, the store's statements raw) run`,
    'side by side, each on its own file: every chunk goes through all four in turn, the first one rotating, and each writer\'s own',
    'time is summed, so that a slower or faster spell of the shared virtual machine falls on all of them alike.',
    '',
    '### Targets',
    '',
    '| Target | Measured | Met? |',
    '| --- | --- | --- |',
    `| Batched appends (${c.eventsPerBatch} events per append, one append at a time) ≥ ${int(targets.batchedEventsPerSecond)} events/s | ${int(rate(e.sequential))} events/s | ${yes(rate(e.sequential) >= targets.batchedEventsPerSecond)} |`,
    `| Batched appends, ${c.batchesInFlight} in flight (group commit) ≥ ${int(targets.batchedEventsPerSecond)} events/s | ${int(rate(e.concurrent))} events/s | ${yes(rate(e.concurrent) >= targets.batchedEventsPerSecond)} |`,
    `| Batched appends ≥ 50% of raw INSERTs of the same rows (${int(rawRate)} events/s) | ${pct(rate(e.sequential) / rawRate)} one at a time, ${pct(rate(e.concurrent) / rawRate)} with ${c.batchesInFlight} in flight | ${yes(rate(e.sequential) / rawRate >= targets.shareOfRawCeiling)} |`,
    `| readAll ≥ ${int(targets.readAllEventsPerSecond)} events/s | ${int(rate(e.readAll))} events/s | ${yes(rate(e.readAll) >= targets.readAllEventsPerSecond)} |`,
    `| RSS flat while readAll reads ${int(e.readAll.events)} events (growth over the second half ≤ ${flatRssMiB} MiB) | +${mib(readAllGrowth.secondHalfMiB)} MiB over the second half; +${mib(readAllGrowth.sinceFirstMiB)} MiB max − first sample | ${yes(readAllGrowth.secondHalfMiB <= flatRssMiB)} |`,
    `| RSS flat while a subscription catches up on ${int(e.catchUp.events)} events (same) | +${mib(catchUpGrowth.secondHalfMiB)} MiB over the second half; +${mib(catchUpGrowth.sinceFirstMiB)} MiB max − first sample | ${yes(catchUpGrowth.secondHalfMiB <= flatRssMiB)} |`,
    `| Latency of one durable single-event append: report p50 / p99 | ${latency(e.singleFull)} ms (\`full\`); ${latency(e.singleNormal)} ms (\`normal\`) | reported |`,
    '',
    ...remarks(r, rawRate),
    '',
    '### Appends',
    '',
    '| Run | Events | Streams | Events/s | vs raw INSERT ceiling | Latency per append or transaction, p50 / p99 / max (ms) |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| Raw INSERTs into a table shaped like the log (ceiling): better-sqlite3, ${c.eventsPerBatch} rows per transaction, same pragmas | ${int(ceiling.events)} | ${int(streams(c, c.eventsPerBatch, ceiling.events))} | ${int(rawRate)} | 100% | |`,
    `| Raw, the store's statements (stream lookup, last revision, id lookup, log row + stream index row), no store code | ${int(r.raw.statements.events)} | ${int(streams(c, c.eventsPerBatch, r.raw.statements.events))} | ${int(rate(r.raw.statements))} | ${pct(rate(r.raw.statements) / rawRate)} | |`,
    `| Embedded, batches of ${c.eventsPerBatch}, one at a time | ${int(e.sequential.events)} | ${int(streams(c, c.eventsPerBatch, e.sequential.events))} | ${int(rate(e.sequential))} | ${pct(rate(e.sequential) / rawRate)} | ${latency(e.sequential, true)} |`,
    `| Embedded, batches of ${c.eventsPerBatch}, ${c.batchesInFlight} in flight | ${int(e.concurrent.events)} | ${int(streams(c, c.eventsPerBatch, e.concurrent.events))} | ${int(rate(e.concurrent))} | ${pct(rate(e.concurrent) / rawRate)} | ${latency(e.concurrent, true)} |`,
    `| Embedded, single-event appends, ${c.ingestInFlight} in flight (ingest-shaped; the log read back below) | ${int(e.ingest.events)} | ${int(streams(c, 1, e.ingest.events))} | ${int(rate(e.ingest))} | ${pct(rate(e.ingest) / rawRate)} | ${latency(e.ingest, true)} |`,
    `| Embedded, single-event appends, one at a time, \`full\` | ${int(e.singleFull.events)} | ${int(streams(c, 1, e.singleFull.events))} | ${int(rate(e.singleFull))} | | ${latency(e.singleFull, true)} |`,
    `| Embedded, single-event appends, one at a time, \`normal\` | ${int(e.singleNormal.events)} | ${int(streams(c, 1, e.singleNormal.events))} | ${int(rate(e.singleNormal))} | | ${latency(e.singleNormal, true)} |`,
    '',
    `With ${c.eventsPerBatch} events per append to one stream, ${int(c.events)} events make ${int(c.events / c.eventsPerBatch)} appends, so the batched logs hold`,
    `${int(streams(c, c.eventsPerBatch, c.events))} streams of ${int(c.events / streams(c, c.eventsPerBatch, c.events))} events. The ingest-shaped run spreads the same events over`,
    `${int(streams(c, 1, c.events))} streams of about ${int(c.events / streams(c, 1, c.events))}, and its log is the one read back below.`,
    `Serialising the rows for the raw runs (JSON.stringify, ids to bytes), which the store does inside its timed appends,`,
    `took ${ceiling.serialiseSeconds.toFixed(1)} s for ${int(ceiling.events)} events (${int(ceiling.events / ceiling.serialiseSeconds)} events/s), not counted in the raw rates.`,
    `The log file holds ${int(r.logFileMiB)} MiB for ${int(e.ingest.events)} events.`,
    '',
    '### Reads',
    '',
    '| Run | Events | Events/s | vs raw cursor | vs raw cursor + JSON.parse |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  const reads = r.raw.reads;
  const readRow = (name: string, run: ReadRun) =>
    `| ${name} | ${int(run.events)} | ${int(rate(run))} | ${pct(rate(run) / rate(reads.iterate))} | ${pct(rate(run) / rate(reads.iterateParsed))} |`;
  add(
    readRow('Raw SELECT, one cursor over the table (ceiling)', reads.iterate),
    readRow('Raw SELECT, one cursor, JSON.parse of data and metadata', reads.iterateParsed),
    readRow("Raw SELECT in pages of 1,000 (the store's query)", reads.paged),
    readRow('Raw SELECT in pages of 1,000, JSON.parse', reads.pagedParsed),
    readRow('Embedded `readAll()` from the start', e.readAll),
    readRow('Embedded `subscribeToAll()` from the start until `caughtUp`', e.catchUp),
    '',
    `The store is reopened before reading; ${int(warmUpEvents)} events are read untimed first, so that neither timed read pays for compiling`,
    'the decoding path. readAll runs first and so also takes the first faults of the memory map. Raw reads run on the same file,',
    'through a second, read-only better-sqlite3 connection with the same cache and mmap pragmas.',
    '',
    '### Memory while reading',
    '',
    'Sampled every ' + int(c.sampleEvery) + ' events (the first row before the first event, after a forced GC). RssFile is the part of RSS',
    "that is mapped file pages: SQLite's mmap (mmap_size 256 MiB) of the database file; RssAnon holds the JS heap and SQLite's page cache (64 MiB).",
    '',
    '| Events read | readAll RSS (MiB) | heapUsed | RssAnon | RssFile | catch-up RSS (MiB) | heapUsed | RssAnon | RssFile |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  e.readAll.memory.forEach((sample, i) => {
    const other = e.catchUp.memory[i];
    add(`| ${int(sample.events)} | ${memoryCells(sample)} | ${other ? memoryCells(other) : ' | | | '} |`);
  });
  add(
    '',
    `Growth, readAll: max − first sample +${mib(readAllGrowth.sinceFirstMiB)} MiB (anon +${mib(readAllGrowth.anonSinceFirstMiB)}, file +${mib(readAllGrowth.fileSinceFirstMiB)}); over the second half +${mib(readAllGrowth.secondHalfMiB)} MiB.`,
    `Growth, catch-up: max − first sample +${mib(catchUpGrowth.sinceFirstMiB)} MiB (anon +${mib(catchUpGrowth.anonSinceFirstMiB)}, file +${mib(catchUpGrowth.fileSinceFirstMiB)}); over the second half +${mib(catchUpGrowth.secondHalfMiB)} MiB.`,
    '',
    ...peerSection(r),
  );
  return lines.join('\n') + '\n';
}

/** What the targets table alone does not say: where this machine itself stops. */
function remarks(r: BenchResults, rawRate: number): string[] {
  const reads = r.raw.reads;
  const parsedCeiling = Math.max(eventsPerSecond(reads.iterateParsed), eventsPerSecond(reads.pagedParsed));
  const notes: string[] = [];
  if (rawRate < targets.batchedEventsPerSecond) {
    notes.push(
      `- The raw INSERT ceiling on this machine, ${int(rawRate)} events/s, is itself below ${int(targets.batchedEventsPerSecond)} events/s: with synchronous = FULL every`,
      `  commit waits for the disk (${int(r.machine.syncedWriteMBps)} MB/s of synced 128 KiB writes here), and each event is written twice (WAL, then checkpoint).`,
    );
  }
  if (parsedCeiling < targets.readAllEventsPerSecond) {
    notes.push(
      `- Reading rows and JSON.parse of data and metadata, with no store code, tops out at ${int(parsedCeiling)} events/s here, below`,
      `  ${int(targets.readAllEventsPerSecond)} events/s: any readAll that hands out parsed events is bounded by it on this machine.`,
    );
  }
  return notes.length ? ['Notes:', '', ...notes] : [];
}

function peerSection(r: BenchResults): string[] {
  const header = ['### Peer: Emmett (SQLite event store)', ''];
  if ('unavailable' in r.peer) return [...header, `Not measured: ${r.peer.unavailable}`];
  const p = r.peer;
  const e = r.embedded;
  const c = r.config;
  const ratio = (ours: ThroughputRun, theirs: ThroughputRun) => `${(eventsPerSecond(ours) / eventsPerSecond(theirs)).toFixed(1)}×`;
  const concurrent =
    'failed' in p.concurrent
      ? `| Batches of ${c.eventsPerBatch}, ${c.batchesInFlight} in flight | failed: ${p.concurrent.failed} | | ${int(eventsPerSecond(e.concurrent))} | |`
      : `| Batches of ${c.eventsPerBatch}, ${c.batchesInFlight} in flight | ${int(p.concurrent.events)} events, ${int(eventsPerSecond(p.concurrent))}/s | ${latency(p.concurrent)} | ${int(eventsPerSecond(e.concurrent))} | ${ratio(e.concurrent, p.concurrent)} |`;
  return [
    ...header,
    `${p.versions} (SQLite ${p.sqlite}), installed apart in \`bench/peers\`, on Node ${r.machine.node}. Emmett leaves synchronous at`,
    `SQLite's default, here ${p.synchronous}, so its appends are durable like ours. Its store opens a connection for each operation`,
    'and closes it after, which also checkpoints the WAL each time. It has no readAll: its own batch reader (`readMessagesBatch`,',
    `pages of 1,000) stands in, and catch-up is its consumer (\`consumer().processor({ startFrom: 'BEGINNING' })\`, pages of 1,000,`,
    'no pause between pages), which writes a checkpoint for every message as it goes.',
    `Emmett is slower, so it runs on fewer events (${int(p.batched.events)} batched, ${int(p.single.events)} single appends, on a new file): compare rates, not totals.`,
    '',
    '| Run | Emmett | Emmett latency p50 / p99 (ms) | Embedded events/s | Embedded ÷ Emmett |',
    '| --- | --- | --- | ---: | ---: |',
    `| Batches of ${c.eventsPerBatch}, one at a time | ${int(p.batched.events)} events, ${int(eventsPerSecond(p.batched))}/s | ${latency(p.batched)} | ${int(eventsPerSecond(e.sequential))} | ${ratio(e.sequential, p.batched)} |`,
    concurrent,
    `| Single-event appends, one at a time | ${int(p.single.events)} events, ${int(eventsPerSecond(p.single))}/s | ${latency(p.single)} | ${int(eventsPerSecond(e.singleFull))} | ${ratio(e.singleFull, p.single)} |`,
    `| Read the whole log | ${int(p.readAll.events)} events, ${int(eventsPerSecond(p.readAll))}/s | | ${int(eventsPerSecond(e.readAll))} | ${ratio(e.readAll, p.readAll)} |`,
    `| Catch up from the start | ${int(p.catchUp.events)} events, ${int(eventsPerSecond(p.catchUp))}/s | | ${int(eventsPerSecond(e.catchUp))} | ${ratio(e.catchUp, p.catchUp)} |`,
  ];
}

function streams(c: BenchConfig, eventsPerAppend: number, events: number): number {
  return Math.min(c.streams, Math.ceil(events / eventsPerAppend));
}

function memoryCells(s: MemorySample): string {
  return [s.rssMiB, s.heapUsedMiB, s.rssAnonMiB, s.rssFileMiB].map((v) => (v === undefined ? 'n/a' : mib(v))).join(' | ');
}

function latency(run: ThroughputRun, withMax = false): string {
  if (!run.latency) return '';
  const { p50, p99, max } = run.latency;
  return withMax ? `${ms(p50)} / ${ms(p99)} / ${ms(max)}` : `${ms(p50)} / ${ms(p99)}`;
}

function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function mib(value: number | undefined): string {
  return value === undefined ? 'n/a' : value.toFixed(1);
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function pct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

function yes(met: boolean): string {
  return met ? 'yes' : '**no**';
}

function duration(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
