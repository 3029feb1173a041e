import { CompiledCondition } from '../evaluation/compile-condition';
import { evaluationContext } from '../evaluation/evaluation-context';
import { SegmentSubject } from '../evaluation/segment-subject';
import { membershipChangeId } from './change-id';
import { ChangeCause, MembershipChange, Memberships } from './membership';

/** A segment being evaluated: its current version, compiled. */
export interface EvaluatedSegment {
  segmentId: string;
  version: number;
  matches: CompiledCondition;
}

export interface MembershipDecision {
  memberships: Memberships;
  changes: MembershipChange[];
  /** The earliest moment the passing of time alone may change an answer, as an ISO instant; null if never. */
  nextCheckAt: string | null;
}

/**
 * The customer's memberships after evaluating `segments` at `now`: entering where a condition now holds, leaving
 * where it no longer does. A membership of a segment not evaluated here (archived, or left for another pass) is
 * kept as it is. A member still matching a redefined segment stays, from the same moment, under the new version.
 */
export function evaluateMemberships(
  subject: SegmentSubject,
  segments: readonly EvaluatedSegment[],
  current: Memberships,
  now: number,
  cause: ChangeCause,
): MembershipDecision {
  const memberships: Memberships = { ...current };
  const changes: MembershipChange[] = [];
  const context = evaluationContext(now);
  const at = cause.kind === 'time' ? cause.dueAt : new Date(now).toISOString();
  for (const { segmentId, version, matches } of segments) {
    const member = current[segmentId];
    const record = (change: 'entered' | 'left') =>
      changes.push({
        changeId: membershipChangeId(segmentId, version, subject.customerId, change, cause),
        segmentId,
        segmentVersion: version,
        customerId: subject.customerId,
        change,
        at,
        cause,
      });
    if (matches(subject, context)) {
      if (!member) {
        memberships[segmentId] = { since: at, version };
        record('entered');
      } else if (member.version !== version) memberships[segmentId] = { since: member.since, version };
    } else if (member) {
      delete memberships[segmentId];
      record('left');
    }
  }
  const nextCheckAt = Number.isFinite(context.changesAt) ? new Date(context.changesAt).toISOString() : null;
  return { memberships, changes, nextCheckAt };
}
