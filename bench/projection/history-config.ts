import { join } from 'node:path';
import { envCount } from '../env-count';

/** The history the projection benchmarks read: the 10,000,000 events over 1,000,000 parties by default. */
export interface HistoryConfig {
  events: number;
  customers: number;
  seed: number;
  from: Date;
  to: Date;
  /** The event store holding it, reused by every run with the same parameters. */
  dataDir: string;
  /** Appends handed to the store before waiting for them: the store commits them as one group. */
  appendsInFlight: number;
}

export const historyConfigVariables = ['BENCH_EVENTS', 'BENCH_CUSTOMERS', 'BENCH_SEED', 'BENCH_HISTORY_DIR', 'BENCH_IN_FLIGHT'] as const;

/** Two years of business, as in the Online Retail data set's span (which is one). */
const period = { from: new Date('2023-01-01T00:00:00.000Z'), to: new Date('2025-01-01T00:00:00.000Z') };

export function readHistoryConfig(env: NodeJS.ProcessEnv = process.env): HistoryConfig {
  const events = envCount(env, 'BENCH_EVENTS', 10_000_000);
  const customers = envCount(env, 'BENCH_CUSTOMERS', Math.max(1, Math.round(events / 10)));
  if (events < customers) throw new Error(`BENCH_EVENTS (${events}) must be at least BENCH_CUSTOMERS (${customers}): every party is registered by an event`);
  const seed = envCount(env, 'BENCH_SEED', 20251123, 0);
  const dataDir = env.BENCH_HISTORY_DIR || join(__dirname, '..', '..', '.bench', `history-${events}-events-${customers}-customers-seed-${seed}`);
  return { events, customers, seed, ...period, dataDir, appendsInFlight: envCount(env, 'BENCH_IN_FLIGHT', 20_000) };
}
