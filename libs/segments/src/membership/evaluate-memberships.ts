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
  /** For each segment evaluated, the moment the passing of time alone may next change its answer (absent: never). */
  horizons: Horizons;
}

/** By segment id: when time alone may next change the customer's answer (ISO instants). */
export type Horizons = { [segmentId: string]: string };

/**
 * The customer's memberships after evaluating `segments` at `now`: entering where a condition now holds, leaving
 * where it no longer does. A membership of a segment not evaluated here (archived, or left for another pass) is
 * kept as it is. A member still matching a redefined segment stays, from the same moment, under the new version.
 * With a `time` cause, a segment's change is dated by that segment's own horizon from the previous evaluation
 * (`previous`): the moment it came true, however late it is noticed.
 */
export function evaluateMemberships(
  subject: SegmentSubject,
  segments: readonly EvaluatedSegment[],
  current: Memberships,
  now: number,
  cause: ChangeCause,
  previous: Horizons = {},
): MembershipDecision {
  const memberships: Memberships = { ...current };
  const changes: MembershipChange[] = [];
  const horizons: Horizons = {};
  const nowIso = new Date(now).toISOString();
  for (const { segmentId, version, matches } of segments) {
    const member = current[segmentId];
    const context = evaluationContext(now);
    const held = matches(subject, context);
    if (Number.isFinite(context.changesAt)) horizons[segmentId] = new Date(context.changesAt).toISOString();
    if (held === (member !== undefined)) {
      if (member && member.version !== version) memberships[segmentId] = { since: member.since, version };
      continue;
    }
    const due = previous[segmentId];
    const segmentCause: ChangeCause = cause.kind === 'time' ? { kind: 'time', dueAt: due !== undefined && due <= nowIso ? due : nowIso } : cause;
    const at = segmentCause.kind === 'time' ? segmentCause.dueAt : nowIso;
    const change = held ? 'entered' : 'left';
    if (held) memberships[segmentId] = { since: at, version };
    else delete memberships[segmentId];
    changes.push({
      changeId: membershipChangeId(segmentId, version, subject.customerId, change, segmentCause),
      segmentId,
      segmentVersion: version,
      customerId: subject.customerId,
      change,
      at,
      cause: segmentCause,
    });
  }
  return { memberships, changes, horizons };
}

/** The earliest of the horizons: when the customer is next evaluated with no event (null: never). */
export function earliestHorizon(horizons: Horizons): string | null {
  let earliest: string | null = null;
  for (const at of Object.values(horizons)) if (earliest === null || at < earliest) earliest = at;
  return earliest;
}
