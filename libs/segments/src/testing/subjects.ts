import { emptyBehaviourLog } from '../behaviour/behaviour-log';
import { emptySubjectFacts, SubjectFacts } from '../evaluation/subject-facts';
import { OpenedPersonalFields, SegmentSubject } from '../evaluation/segment-subject';
import { BehaviourLog } from '../behaviour/behaviour-log';

/** A subject for tests: a customer the platform knows nothing about, unless told otherwise. */
export function subjectWith(
  overrides: { customerId?: string; facts?: Partial<SubjectFacts>; behaviour?: Partial<BehaviourLog>; personal?: OpenedPersonalFields } = {},
): SegmentSubject {
  return {
    customerId: overrides.customerId ?? '17850',
    facts: { ...emptySubjectFacts(), ...overrides.facts },
    behaviour: { ...emptyBehaviourLog(), ...overrides.behaviour },
    personal: overrides.personal ?? {},
  };
}

/** Midnight UTC of day `n` after 2025-01-01, as ms or as an ISO string. */
export const dayMs = 86_400_000;
export const day = (n: number): number => Date.UTC(2025, 0, 1) + n * dayMs;
export const dayIso = (n: number): string => new Date(day(n)).toISOString();
