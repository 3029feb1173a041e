import { envCount } from '../env-count';

/** What one run of the ingestion benchmark measures. The counts can be lowered for a smoke run. */
export interface IngestBenchConfig {
  /** Messages waiting in the topic before the three timed runs start. */
  messages: number;
  /** Messages of the second, profiled end-to-end run (its own, smaller topic); 0 skips it. */
  profileMessages: number;
  partitions: number;
  brokers: string[];
  onlineRetailCsv: string;
  /** Messages whose events are built, untimed, before each timed stretch of the raw appends. */
  appendChunk: number;
  writeDocs: boolean;
  /** The environment overrides in force, as given. */
  overrides: string[];
}

const defaults = { messages: 1_000_000, profileMessages: 200_000 };

export const configVariables = [
  'BENCH_MESSAGES',
  'BENCH_PROFILE_MESSAGES',
  'BENCH_APPEND_CHUNK',
  'BENCH_WRITE_DOCS',
  'ONLINE_RETAIL_CSV',
  'KAFKA_BROKERS',
] as const;

export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): IngestBenchConfig {
  const count = (name: (typeof configVariables)[number], fallback: number, min = 1) => envCount(env, name, fallback, min);
  const messages = count('BENCH_MESSAGES', defaults.messages);
  const profileMessages = Math.min(messages, count('BENCH_PROFILE_MESSAGES', defaults.profileMessages, 0));
  const full = messages === defaults.messages;
  return {
    messages,
    profileMessages,
    partitions: 6,
    brokers: (env.KAFKA_BROKERS || '127.0.0.1:39092').split(','),
    onlineRetailCsv: env.ONLINE_RETAIL_CSV || '/work/shared/datasets/online-retail/online-retail.csv.gz',
    appendChunk: count('BENCH_APPEND_CHUNK', 100_000),
    // A smoke run (fewer messages) leaves the published results alone unless asked.
    writeDocs: env.BENCH_WRITE_DOCS === undefined ? full : env.BENCH_WRITE_DOCS === '1',
    overrides: configVariables.filter((name) => env[name] !== undefined).map((name) => `${name}=${env[name]}`),
  };
}
