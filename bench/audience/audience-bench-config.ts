import { join } from 'node:path';
import { envCount } from '../env-count';
import { HistoryConfig, historyConfigVariables, readHistoryConfig } from '../projection/history-config';

/** What one run of the audience benchmark measures. The counts can be lowered for a smoke run. */
export interface AudienceBenchConfig {
  history: HistoryConfig;
  /** The read models of the history (360° view, audiences), built once and reused by every run on the same history. */
  readModelsDir: string;
  /** Products the campaign promotes: the most returned ones of the history. */
  campaignProducts: number;
  /** Segments evaluated per customer in the re-evaluation measure. */
  segments: number;
  /** Customers re-evaluated one by one, after as many for warm-up. */
  reevaluations: number;
  /** Eligibility checks over HTTP, after a tenth as many for warm-up. */
  eligibilityChecks: number;
  /** Audience computations per store; the report gives each. */
  audienceRuns: number;
  /** Profiles the FerretDB baseline scans (FerretDB 1.x decodes every document it scans). */
  ferretdbBaselineProfiles: number;
  mongoUrl: string;
  writeDocs: boolean;
  overrides: string[];
}

export const audienceBenchVariables = [
  ...historyConfigVariables,
  'BENCH_READ_MODELS_DIR',
  'BENCH_SEGMENTS',
  'BENCH_REEVALUATIONS',
  'BENCH_ELIGIBILITY_CHECKS',
  'BENCH_AUDIENCE_RUNS',
  'BENCH_FERRETDB_PROFILES',
  'BENCH_WRITE_DOCS',
  'MONGODB_URL',
] as const;

export function readAudienceBenchConfig(env: NodeJS.ProcessEnv = process.env): AudienceBenchConfig {
  const history = readHistoryConfig(env);
  return {
    history,
    readModelsDir: env.BENCH_READ_MODELS_DIR || `${history.dataDir}-read-models`,
    campaignProducts: 10,
    segments: envCount(env, 'BENCH_SEGMENTS', 100),
    reevaluations: envCount(env, 'BENCH_REEVALUATIONS', 10_000),
    eligibilityChecks: envCount(env, 'BENCH_ELIGIBILITY_CHECKS', 5_000),
    audienceRuns: envCount(env, 'BENCH_AUDIENCE_RUNS', 3),
    ferretdbBaselineProfiles: Math.min(history.customers, envCount(env, 'BENCH_FERRETDB_PROFILES', 100_000)),
    mongoUrl: env.MONGODB_URL || 'mongodb://127.0.0.1:37017/',
    writeDocs: env.BENCH_WRITE_DOCS === '1',
    overrides: audienceBenchVariables.filter((name) => env[name] !== undefined).map((name) => `${name}=${env[name]}`),
  };
}

export const benchRoot = join(__dirname, '..', '..');
