import { envCount } from '../env-count';
import { HistoryConfig, historyConfigVariables, readHistoryConfig } from './history-config';

/** What one run of the projection benchmark measures. The counts can be lowered for a smoke run. */
export interface ProjectionBenchConfig {
  history: HistoryConfig;
  /**
   * Events of the history's beginning that both stores rebuild side by side. FerretDB 1.x (SQLite) decodes its
   * whole collection for every batch's delete (about 0.9 ms a document): past some tens of thousands of documents a
   * batch takes minutes, so the whole history, or even 200,000 events, is out of its reach.
   */
  prefixEvents: number;
  mongoUrl: string;
  /** Each FerretDB job (rebuild, raw ceiling) stops after this long and reports the part done. */
  ferretdbTimeLimitMs: number;
  /** Sequential GET /v1/customers/{id} timed after the warm-up ones. */
  reads: number;
  readWarmup: number;
  /** Freshness probes: one event appended, then polled until the 360° view shows it. */
  probes: number;
  probeEveryMs: number;
  /** Events per second of background load during the probes. */
  loadPerSecond: number;
  writeDocs: boolean;
  /** The environment overrides in force, as given. */
  overrides: string[];
}

export const benchConfigVariables = [
  ...historyConfigVariables,
  'BENCH_FERRETDB_EVENTS',
  'BENCH_FERRETDB_MINUTES',
  'BENCH_READS',
  'BENCH_PROBES',
  'BENCH_LOAD_PER_SECOND',
  'BENCH_WRITE_DOCS',
  'MONGODB_URL',
] as const;

export function readProjectionBenchConfig(env: NodeJS.ProcessEnv = process.env): ProjectionBenchConfig {
  const history = readHistoryConfig(env);
  return {
    history,
    prefixEvents: Math.min(history.events, envCount(env, 'BENCH_FERRETDB_EVENTS', 10_000)),
    mongoUrl: env.MONGODB_URL || 'mongodb://127.0.0.1:37017/',
    ferretdbTimeLimitMs: envCount(env, 'BENCH_FERRETDB_MINUTES', 10) * 60_000,
    reads: envCount(env, 'BENCH_READS', 10_000),
    readWarmup: 1_000,
    probes: envCount(env, 'BENCH_PROBES', 600),
    probeEveryMs: 50,
    loadPerSecond: envCount(env, 'BENCH_LOAD_PER_SECOND', 1_000),
    // The published results change only when asked, whatever the counts.
    writeDocs: env.BENCH_WRITE_DOCS === '1',
    overrides: benchConfigVariables.filter((name) => env[name] !== undefined).map((name) => `${name}=${env[name]}`),
  };
}
