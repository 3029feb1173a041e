import { envCount } from '../env-count';

/** What one run measures. Every count can be lowered for a quick smoke run. */
export interface BenchConfig {
  /** Events in each large run: the batched loads, the raw ceiling, the log that is read back. */
  events: number;
  /** Customer streams the appends cycle over. */
  streams: number;
  eventsPerBatch: number;
  /** Batched appends in flight at once in the concurrent run. */
  batchesInFlight: number;
  /** Single-event appends awaited one by one, per durability. */
  singleAppends: number;
  /** Single-event appends in flight at once in the ingest-shaped run (the log that is read back). */
  ingestInFlight: number;
  peer: boolean;
  peerEvents: number;
  peerSingleAppends: number;
  seed: number;
  /** Memory is sampled every this many events while reading. */
  sampleEvery: number;
  writeDocs: boolean;
  /** The environment overrides in force, as given. */
  overrides: string[];
}

const defaults = { events: 1_000_000, streams: 100_000, singleAppends: 20_000, peerEvents: 100_000, peerSingleAppends: 1_000 };

export const configVariables = [
  'BENCH_EVENTS',
  'BENCH_STREAMS',
  'BENCH_BATCH',
  'BENCH_IN_FLIGHT',
  'BENCH_SINGLE',
  'BENCH_INGEST_IN_FLIGHT',
  'BENCH_PEER',
  'BENCH_PEER_EVENTS',
  'BENCH_PEER_SINGLE',
  'BENCH_SEED',
  'BENCH_WRITE_DOCS',
] as const;

export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const count = (name: (typeof configVariables)[number], fallback: number, min = 1) => envCount(env, name, fallback, min);
  const events = count('BENCH_EVENTS', defaults.events);
  const streams = count('BENCH_STREAMS', defaults.streams);
  const full = events === defaults.events && streams === defaults.streams;
  return {
    events,
    streams,
    eventsPerBatch: count('BENCH_BATCH', 100),
    batchesInFlight: count('BENCH_IN_FLIGHT', 8),
    singleAppends: Math.min(events, count('BENCH_SINGLE', defaults.singleAppends)),
    ingestInFlight: count('BENCH_INGEST_IN_FLIGHT', 100),
    peer: env.BENCH_PEER !== '0',
    peerEvents: Math.min(events, count('BENCH_PEER_EVENTS', defaults.peerEvents)),
    peerSingleAppends: Math.min(events, count('BENCH_PEER_SINGLE', defaults.peerSingleAppends)),
    seed: count('BENCH_SEED', 20251123, 0),
    sampleEvery: Math.max(1, Math.min(100_000, Math.floor(events / 10))),
    // A smoke run (smaller counts) leaves the published results alone unless asked.
    writeDocs: env.BENCH_WRITE_DOCS === undefined ? full : env.BENCH_WRITE_DOCS === '1',
    overrides: configVariables.filter((name) => env[name] !== undefined).map((name) => `${name}=${env[name]}`),
  };
}
