import { Machine } from '../event-store/machine';
import { IngestBenchConfig } from './bench-config';
import { ProfileSummary } from './cpu-profile-summary';
import { EndToEndRun } from './end-to-end';
import { RawAppendRun } from './raw-appends';
import { RawConsumeRun } from './raw-consume';

/** Everything one run measured: what the report is written from. */
export interface IngestBenchResults {
  config: IngestBenchConfig;
  machine: Machine;
  startedAt: Date;
  seconds: number;
  loadAtStart: number[];
  loadAtEnd: number[];
  /** The commit measured, and whether apps/ or libs/ had uncommitted changes. */
  source: { commit: string; dirty: boolean };
  /** V8's heap limit under node's defaults, as the platform runs. */
  heapLimitMiB: number;
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
  /** Before and after the end-to-end run. */
  rawConsume: [RawConsumeRun, RawConsumeRun];
  rawAppends: [RawAppendRun, RawAppendRun];
  endToEnd: EndToEndRun;
  profile?: { run: EndToEndRun; summary: ProfileSummary };
}

/** Each ceiling's two runs and their mean. */
export function ceilings(r: IngestBenchResults) {
  const consumeRates = r.rawConsume.map((run) => run.messages / run.seconds);
  const appendRates = r.rawAppends.map((run) => run.events / run.seconds);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { consumeRates, appendRates, consumeRate: mean(consumeRates), appendRate: mean(appendRates) };
}

export function endToEndRate(r: IngestBenchResults): number {
  return r.workload.events / r.endToEnd.seconds;
}
