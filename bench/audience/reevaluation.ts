import { AudienceProfile, audienceProfilesCollection, plaintextFieldsOnly } from '@cdp/audiences';
import { customerIdOf } from '@cdp/history-generator';
import { ReadStore } from '@cdp/read-store';
import { compileCondition, defaultSegmentRules, EvaluatedSegment, evaluateMemberships, parseSegmentConditions, SegmentSubject } from '@cdp/segments';
import { SeededRandom } from '../event-store/seeded-random';
import { Percentiles, percentiles } from '../projection/percentiles';

export interface Reevaluation {
  segments: number;
  customers: number;
  /** evaluateMemberships of one customer against every segment, the profile in hand (ms). */
  evaluation: Percentiles;
  /** The same, with the customer's profile read from the read store first (ms). */
  withRead: Percentiles;
  /** Members found per segment over the sample: the conditions select, not all or nothing. */
  membersPerSegment: { min: number; median: number; max: number };
}

export function compileSegments(definitions: { segmentId: string; conditions: unknown }[]): EvaluatedSegment[] {
  return definitions.map(({ segmentId, conditions }) => ({ segmentId, version: 1, matches: compileCondition(parseSegmentConditions(conditions), defaultSegmentRules) }));
}

export async function subjectOf(profile: AudienceProfile): Promise<SegmentSubject> {
  const personal = await plaintextFieldsOnly(profile.customerId, profile.facts.sealed);
  return { customerId: profile.customerId, facts: profile.facts, behaviour: profile.behaviour, personal };
}

/**
 * What re-evaluating one customer costs the worker: its subject against every active segment (each compiled once),
 * timed customer by customer over a seeded sample of the history's customers, at the end of the history's period.
 */
export async function measureReevaluation(store: ReadStore, segments: EvaluatedSegment[], customers: number, sample: number, seed: number, now: number): Promise<Reevaluation> {
  const profiles = await store.collection<AudienceProfile>(audienceProfilesCollection);
  const random = new SeededRandom(seed);
  const ids = Array.from({ length: sample * 2 }, () => customerIdOf(random.int(0, customers - 1), customers));
  const evaluation: number[] = [];
  const withRead: number[] = [];
  const members = new Map<string, number>(segments.map((segment) => [segment.segmentId, 0]));
  for (const [index, id] of ids.entries()) {
    const readStarted = performance.now();
    const profile = (await profiles.get(id))?.body;
    if (!profile) continue;
    const subject = await subjectOf(profile);
    const started = performance.now();
    const decision = evaluateMemberships(subject, segments, {}, now, { kind: 'event', position: '0', eventId: 'bench' });
    const ended = performance.now();
    if (index < sample) continue;
    evaluation.push(ended - started);
    withRead.push(ended - readStarted);
    for (const segmentId of Object.keys(decision.memberships)) members.set(segmentId, (members.get(segmentId) ?? 0) + 1);
  }
  const counts = [...members.values()].sort((a, b) => a - b);
  return {
    segments: segments.length,
    customers: evaluation.length,
    evaluation: percentiles(evaluation),
    withRead: percentiles(withRead),
    membersPerSegment: { min: counts[0], median: counts[Math.floor(counts.length / 2)], max: counts[counts.length - 1] },
  };
}
