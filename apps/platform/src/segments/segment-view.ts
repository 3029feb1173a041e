import { SegmentDocument } from '@cdp/audiences';
import { Segment } from '@cdp/segments';

/** `pending`: defined, not yet seen by the audiences worker (a moment); then evaluating, active, or archived. */
export type SegmentViewStatus = 'pending' | SegmentDocument['status'];

/** A segment as analysts read it: the definition from its stream, and the state of its evaluation and membership. */
export type SegmentView = Segment & {
  status: SegmentViewStatus;
  evaluation: {
    version: number;
    evaluated: number;
    total: number | null;
    /** evaluated ÷ total, 0 to 1; null before the total is known. */
    progress: number | null;
    startedAt: string | null;
    finishedAt: string | null;
  };
  size: number;
  sizeOverTime?: { day: string; size: number }[];
};

export function segmentView(segment: Segment, document: SegmentDocument | null, size: number): SegmentView {
  const seen = document !== null && document.segment.version >= segment.version;
  const status: SegmentViewStatus = segment.archivedAt !== null ? 'archived' : seen ? document.status : 'pending';
  const evaluation = seen
    ? {
        version: document.evaluation.version,
        evaluated: document.evaluation.evaluated,
        total: document.evaluation.total,
        progress: document.evaluation.total ? Math.min(1, document.evaluation.evaluated / document.evaluation.total) : document.evaluation.finishedAt ? 1 : null,
        startedAt: document.evaluation.startedAt,
        finishedAt: document.evaluation.finishedAt,
      }
    : { version: segment.version, evaluated: 0, total: null, progress: null, startedAt: null, finishedAt: null };
  return { ...segment, status, evaluation, size };
}
