import { Machine } from '../event-store/machine';
import { HistoryMarker } from '../projection/history-store';
import { Percentiles } from '../projection/percentiles';
import { AudienceBenchConfig } from './audience-bench-config';
import { FullScan } from './full-scan-baseline';
import { AudienceRun } from './platform-audience';
import { ReadModelsBuild } from './read-models-build';
import { Reevaluation } from './reevaluation';

export interface AudienceBenchResults {
  config: AudienceBenchConfig;
  machine: Machine;
  startedAt: Date;
  seconds: number;
  loadAtStart: number[];
  loadAtEnd: number[];
  source: { commit: string; dirty: boolean };
  versions: { sqlite: string; node: string };
  history: HistoryMarker & { reused: boolean };
  readModels: ReadModelsBuild;
  copySeconds: number;
  campaign: { products: string[]; keys: string[]; asOf: string };
  embedded: { startupSeconds: number; evaluation: { seconds: number; size: number }; runs: AudienceRun[]; eligibility: Percentiles & { blocked: number } };
  ferretdb: { database: string; copy: { documents: number; seconds: number }; startupSeconds: number; runs: AudienceRun[] };
  baseline: { embeddedAudience: FullScan; ferretdbAudience: FullScan; segments: FullScan };
  reevaluation: Reevaluation;
}
