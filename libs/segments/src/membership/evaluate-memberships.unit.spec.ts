import { parseSegmentConditions } from '../conditions/parse-conditions';
import { compileCondition } from '../evaluation/compile-condition';
import { defaultSegmentRules } from '../evaluation/segment-rules';
import { day, dayIso, subjectWith } from '../testing/subjects';
import { earliestHorizon, evaluateMemberships, EvaluatedSegment } from './evaluate-memberships';
import { ChangeCause } from './membership';

const segment = (segmentId: string, raw: unknown, version = 1): EvaluatedSegment => ({
  segmentId,
  version,
  matches: compileCondition(parseSegmentConditions(raw), defaultSegmentRules),
});
const french = segment('french', { field: 'country', op: 'eq', value: 'FR' });
const recentBuyers = segment('recent-buyers', { bought: { product: 'A', withinDays: 30 } });
const byEvent: ChangeCause = { kind: 'event', position: '00000000000000000007', eventId: 'e-7' };

describe('memberships', () => {
  it('enters the segments the customer now matches, with the cause, and says when time may change them', () => {
    const subject = subjectWith({ facts: { country: 'FR' }, behaviour: { orders: [{ orderId: 'o', at: dayIso(0), products: ['A'], categories: [] }] } });
    const decided = evaluateMemberships(subject, [french, recentBuyers], {}, day(1), byEvent);
    expect(decided.memberships).toEqual({ french: { since: dayIso(1), version: 1 }, 'recent-buyers': { since: dayIso(1), version: 1 } });
    expect(decided.changes.map(({ segmentId, change, at, cause }) => ({ segmentId, change, at, cause }))).toEqual([
      { segmentId: 'french', change: 'entered', at: dayIso(1), cause: byEvent },
      { segmentId: 'recent-buyers', change: 'entered', at: dayIso(1), cause: byEvent },
    ]);
    expect(decided.horizons).toEqual({ 'recent-buyers': new Date(day(30) + 1).toISOString() });
    expect(earliestHorizon(decided.horizons)).toBe(new Date(day(30) + 1).toISOString());
  });

  it('leaves by the passing of time, at the moment it was due, with an id that a replay gives again', () => {
    const subject = subjectWith({ behaviour: { orders: [{ orderId: 'o', at: dayIso(0), products: ['A'], categories: [] }] } });
    const current = { 'recent-buyers': { since: dayIso(0), version: 1 } };
    const due: ChangeCause = { kind: 'time', dueAt: new Date(day(30) + 1).toISOString() };
    const horizons = { 'recent-buyers': due.dueAt };
    const first = evaluateMemberships(subject, [recentBuyers], current, day(31), due, horizons);
    expect(first.changes).toMatchObject([{ segmentId: 'recent-buyers', change: 'left', at: due.dueAt, cause: due }]);
    expect(first.memberships).toEqual({});
    expect(first.horizons).toEqual({});
    expect(evaluateMemberships(subject, [recentBuyers], current, day(32), due, horizons).changes[0].changeId).toBe(first.changes[0].changeId);
  });

  it('dates each change of a pass by the clock with its own segment’s horizon, however late the pass comes', () => {
    const subject = subjectWith({
      behaviour: {
        orders: [
          { orderId: 'a', at: dayIso(0), products: ['A'], categories: [] },
          { orderId: 'b', at: dayIso(5), products: ['B'], categories: [] },
        ],
      },
    });
    const boughtB = segment('recent-b', { bought: { product: 'B', withinDays: 30 } });
    const current = { 'recent-buyers': { since: dayIso(0), version: 1 }, 'recent-b': { since: dayIso(5), version: 1 } };
    const horizons = { 'recent-buyers': new Date(day(30) + 1).toISOString(), 'recent-b': new Date(day(35) + 1).toISOString() };
    // The worker was down from day 30 to day 40: the pass comes late, due since the earlier horizon.
    const late = evaluateMemberships(subject, [recentBuyers, boughtB], current, day(40), { kind: 'time', dueAt: horizons['recent-buyers'] }, horizons);
    expect(late.changes.map(({ segmentId, at }) => [segmentId, at])).toEqual([
      ['recent-buyers', horizons['recent-buyers']],
      ['recent-b', horizons['recent-b']],
    ]);
  });

  it('keeps memberships of segments it does not evaluate, and a member of a redefined segment from the same moment', () => {
    const subject = subjectWith({ facts: { country: 'FR' } });
    const current = { french: { since: dayIso(0), version: 1 }, archived: { since: dayIso(0), version: 3 } };
    const decided = evaluateMemberships(subject, [segment('french', { field: 'country', op: 'in', values: ['FR', 'BE'] }, 2)], current, day(5), byEvent);
    expect(decided.memberships).toEqual({ french: { since: dayIso(0), version: 2 }, archived: { since: dayIso(0), version: 3 } });
    expect(decided.changes).toEqual([]);
  });

  it('gives different ids to different causes and changes', () => {
    const subject = subjectWith({ facts: { country: 'FR' } });
    const a = evaluateMemberships(subject, [french], {}, day(1), byEvent).changes[0].changeId;
    const b = evaluateMemberships(subject, [french], {}, day(1), { ...byEvent, position: '00000000000000000008' }).changes[0].changeId;
    const c = evaluateMemberships(subject, [french], {}, day(1), { kind: 'definition', version: 1 }).changes[0].changeId;
    expect(new Set([a, b, c]).size).toBe(3);
  });
});
