import { Machine } from '../event-store/machine';
import { HistoryMarker } from './history-store';
import { PlatformPhase } from './platform-phase';
import { ProjectionBenchConfig } from './projection-bench-config';
import { JobResult, StoreJob } from './store-job';

export type RebuildResult = JobResult<Extract<StoreJob, { kind: 'rebuild' }>>;
export type CeilingResult = JobResult<Extract<StoreJob, { kind: 'ceiling' }>>;

/** One store over one stretch of the history: the rebuild, then the raw ceiling of the same document writes. */
export interface StoreSide {
  store: 'embedded' | 'ferretdb';
  events: number;
  rebuild?: RebuildResult;
  ceiling?: CeilingResult;
  /** Why the raw ceiling is missing, when it failed. */
  ceilingError?: string;
}

export interface ProjectionBenchResults {
  config: ProjectionBenchConfig;
  machine: Machine;
  startedAt: Date;
  seconds: number;
  loadAtStart: number[];
  loadAtEnd: number[];
  source: { commit: string; dirty: boolean };
  versions: { sqlite: string; betterSqlite3: string; ferretdb: string; mongodbDriver: string; node: string };
  history: HistoryMarker & { reused: boolean };
  prefix: { events: number; position: string };
  sides: StoreSide[];
  /** The sales-by-month projection brought to the head of the full history for the platform (untimed in the targets). */
  salesByMonth?: RebuildResult;
  platform?: PlatformPhase;
  /** What did not run or failed, in words. */
  gaps: string[];
}

export function eventsPerSecond(events: number, seconds: number): number {
  return seconds > 0 ? events / seconds : 0;
}

/** The ceiling's rate in events/s: the rebuild's events over the time the same document writes took raw. */
export function ceilingEventsPerSecond(side: StoreSide): number | undefined {
  const { rebuild, ceiling } = side;
  if (!rebuild || !ceiling || ceiling.documents === 0) return undefined;
  // A ceiling cut short by its time limit: its documents per second, scaled to all the rebuild's writes.
  const secondsForAll = (ceiling.seconds * rebuild.writes.upserts) / ceiling.documents;
  return eventsPerSecond(rebuild.events, secondsForAll);
}
