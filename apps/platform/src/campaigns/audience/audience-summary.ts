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
  /**
   * How far the read models it was computed from had followed the event store: the audiences worker's checkpoint,
   * and the head of the store, when it started. Events after the checkpoint (a return requested a moment ago) are
   * not in it; one customer's eligibility, read from their stream, has them.
   */
  readModels: { position: string | null; headPosition: string | null };
  counts: AudienceCounts;
};
