import { RecordedEvent } from '@cdp/event-model';
import { evolveSegment, Segment } from '@cdp/segments';

export const segmentStatuses = ['evaluating', 'active', 'archived'] as const;
export type SegmentStatus = (typeof segmentStatuses)[number];

/** The evaluation of a segment's current version over every customer who existed when it was defined. */
export type SegmentEvaluation = {
  version: number;
  startedAt: string;
  finishedAt: string | null;
  /** Customers evaluated so far, and how many there were when it started. */
  evaluated: number;
  total: number | null;
  /** The last customer id evaluated (customers are taken in id order): where a restart resumes. */
  cursor: string | null;
};

/** A segment as the audiences worker keeps it: its definition, and where its evaluation stands. */
export type SegmentDocument = {
  segment: Segment;
  status: SegmentStatus;
  evaluation: SegmentEvaluation;
  /** The last segment event folded: an event at or before it is already in. */
  position: string;
};

/** The document after one event of the segment's stream: a new version starts a new evaluation over every customer. */
export function evolveSegmentDocument(document: SegmentDocument | null, event: RecordedEvent): SegmentDocument | null {
  if (document !== null && event.position <= document.position) return document;
  const segment = evolveSegment(document?.segment ?? null, event);
  if (segment === null) return document;
  if (segment.archivedAt !== null) {
    return { segment, status: 'archived', evaluation: document?.evaluation ?? freshEvaluation(segment), position: event.position };
  }
  const newVersion = document === null || document.segment.version !== segment.version;
  return {
    segment,
    status: newVersion ? 'evaluating' : document.status,
    evaluation: newVersion ? freshEvaluation(segment) : document.evaluation,
    position: event.position,
  };
}

function freshEvaluation(segment: Segment): SegmentEvaluation {
  return { version: segment.version, startedAt: segment.versionDefinedAt, finishedAt: null, evaluated: 0, total: null, cursor: null };
}
