import { AudienceCounts } from '@cdp/campaigns';

/** A computed audience: what it was computed from, when, and how many members each rule left out. */
export type AudienceSummary = {
  audienceId: string;
  campaignId: string;
  segmentId: string;
  segmentVersion: number;
  /** The segment was archived: its members are as they were when it was. */
  segmentArchived: boolean;
  /** The moment the suppression rule was applied for (the send date, to ask "what if we sent then"). */
  asOf: string;
  computedAt: string;
  durationMs: number;
  counts: AudienceCounts;
};
