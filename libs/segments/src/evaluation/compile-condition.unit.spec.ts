import { parseSegmentConditions } from '../conditions/parse-conditions';
import { day, dayIso, subjectWith } from '../testing/subjects';
import { compileCondition } from './compile-condition';
import { evaluationContext } from './evaluation-context';
import { defaultSegmentRules } from './segment-rules';
import { SegmentSubject } from './segment-subject';

/** given a subject, when a condition is evaluated at `now`, then the answer and when it may change by itself. */
function evaluate(raw: unknown, subject: SegmentSubject, now: number): { matches: boolean; changesAt: number | null } {
  const context = evaluationContext(now);
  const matches = compileCondition(parseSegmentConditions(raw), defaultSegmentRules)(subject, context);
  return { matches, changesAt: Number.isFinite(context.changesAt) ? context.changesAt : null };
}

describe('evaluating a condition', () => {
  it('compares profile and value fields, missing values failing all but ne, nin and exists:false', () => {
    const french = subjectWith({ facts: { country: 'FR', reportingRevenue: 420, orderCount: 3, rfmMonetary: 2 } });
    const unknown = subjectWith();
    const now = day(0);
    expect(evaluate({ all: [{ field: 'country', op: 'in', values: ['FR', 'BE'] }, { field: 'revenue', op: 'gte', value: 400 }] }, french, now).matches).toBe(true);
    expect(evaluate({ field: 'country', op: 'eq', value: 'FR' }, unknown, now).matches).toBe(false);
    expect(evaluate({ field: 'country', op: 'ne', value: 'FR' }, unknown, now).matches).toBe(true);
    expect(evaluate({ field: 'country', op: 'nin', values: ['FR'] }, unknown, now).matches).toBe(true);
    expect(evaluate({ field: 'country', op: 'exists', value: false }, unknown, now).matches).toBe(true);
    expect(evaluate({ field: 'rfmMonetary', op: 'lt', value: 3 }, unknown, now).matches).toBe(false);
    expect(evaluate({ not: { field: 'orderCount', op: 'gt', value: 2 } }, french, now)).toEqual({ matches: false, changesAt: null });
  });

  it('reads consent, service and party facts', () => {
    const subject = subjectWith({ facts: { consents: ['email/marketing'], openComplaintCount: 1, partyKind: 'partner', returnRate: 0.25 } });
    const now = day(0);
    expect(evaluate({ consent: { channel: 'email', purpose: 'marketing' } }, subject, now).matches).toBe(true);
    expect(evaluate({ consent: { channel: 'sms' } }, subject, now).matches).toBe(false);
    expect(evaluate({ all: [{ field: 'hasOpenComplaint', op: 'eq', value: true }, { field: 'hasOpenReturn', op: 'eq', value: false }] }, subject, now).matches).toBe(true);
    expect(evaluate({ field: 'returnRate', op: 'gt', value: 0.2 }, subject, now).matches).toBe(true);
    expect(evaluate({ field: 'partyKind', op: 'eq', value: 'partner' }, subject, now).matches).toBe(true);
  });

  it('counts orders of a product or a category in the window, and says when the window lets the answer go', () => {
    const orders = [
      { orderId: 'o3', at: dayIso(20), products: ['85123A'], categories: ['lighting'] },
      { orderId: 'o2', at: dayIso(10), products: ['85123A', '71053'], categories: ['lighting'] },
      { orderId: 'o1', at: dayIso(1), products: ['71053'], categories: [] },
    ];
    const subject = subjectWith({ behaviour: { orders } });
    const twice = { bought: { product: '85123A', atLeast: 2, withinDays: 30 } };
    // Two in the window at day 25: true until the older of the two needed (day 10) leaves it, day 40 plus a millisecond.
    expect(evaluate(twice, subject, day(25))).toEqual({ matches: true, changesAt: day(40) + 1 });
    expect(evaluate(twice, subject, day(40) + 1)).toEqual({ matches: false, changesAt: null });
    expect(evaluate({ bought: { category: 'lighting', withinDays: 5 } }, subject, day(22))).toEqual({ matches: true, changesAt: day(25) + 1 });
    expect(evaluate({ bought: { product: '71053', withinDays: 30 } }, subject, day(45)).matches).toBe(false);
  });

  it('expires "bought in the last 30 days" on day 31 with no new event', () => {
    const subject = subjectWith({ behaviour: { orders: [{ orderId: 'o1', at: dayIso(0), products: ['85123A'], categories: [] }] } });
    const condition = { bought: { product: '85123A', withinDays: 30 } };
    const { matches, changesAt } = evaluate(condition, subject, day(29));
    expect([matches, changesAt]).toEqual([true, day(30) + 1]);
    expect(evaluate(condition, subject, day(30)).matches).toBe(true);
    expect(evaluate(condition, subject, day(30) + 1).matches).toBe(false);
  });

  it('lets a later-dated event enter the window when its time comes', () => {
    const subject = subjectWith({ behaviour: { orders: [{ orderId: 'o1', at: dayIso(5), products: ['A'], categories: [] }] } });
    expect(evaluate({ bought: { product: 'A', withinDays: 30 } }, subject, day(2))).toEqual({ matches: false, changesAt: day(5) });
  });

  it('counts interactions by channel and direction, and campaign opens (a click counts as an open)', () => {
    const subject = subjectWith({
      behaviour: {
        interactions: { web: { inbound: [dayIso(9), dayIso(8)], outbound: [] }, email: { inbound: [], outbound: [dayIso(9)] } },
        campaignResponses: [{ campaignId: 'spring', action: 'clicked', at: dayIso(7) }],
      },
    });
    const now = day(10);
    expect(evaluate({ interacted: { channel: 'web', withinDays: 7, atLeast: 2 } }, subject, now).matches).toBe(true);
    expect(evaluate({ interacted: { channel: 'email', withinDays: 7 } }, subject, now).matches).toBe(false);
    expect(evaluate({ interacted: { channel: 'email', withinDays: 7, direction: 'any' } }, subject, now).matches).toBe(true);
    expect(evaluate({ campaign: { campaignId: 'spring', action: 'opened' } }, subject, now).matches).toBe(true);
    expect(evaluate({ campaign: { campaignId: 'spring', action: 'clicked', withinDays: 2 } }, subject, now).matches).toBe(false);
  });

  it('derives the age from the opened birth date, and changes it on the birthday', () => {
    const subject = subjectWith({ personal: { birthDate: '1995-03-15' } });
    const before = Date.UTC(2025, 2, 14, 23);
    expect(evaluate({ field: 'age', op: 'gte', value: 30 }, subject, before)).toEqual({ matches: false, changesAt: Date.UTC(2025, 2, 15) });
    expect(evaluate({ field: 'age', op: 'gte', value: 30 }, subject, Date.UTC(2025, 2, 15)).matches).toBe(true);
    expect(evaluate({ field: 'age', op: 'exists', value: true }, subjectWith({ personal: { birthDate: null } }), before).matches).toBe(false);
  });

  it('moves the lifecycle stage, the recency score and the days since the last order with time', () => {
    const lastOrderAt = dayIso(0);
    const subject = subjectWith({ facts: { orderCount: 2, lastOrderAt, atRiskFrom: dayIso(60), churnedFrom: dayIso(180), rfmFrequency: 2 } });
    expect(evaluate({ field: 'lifecycleStage', op: 'eq', value: 'active' }, subject, day(10))).toEqual({ matches: true, changesAt: day(60) });
    expect(evaluate({ field: 'lifecycleStage', op: 'eq', value: 'at-risk' }, subject, day(60)).matches).toBe(true);
    expect(evaluate({ field: 'rfmRecency', op: 'eq', value: 5 }, subject, day(10))).toEqual({ matches: true, changesAt: day(30) + 1 });
    expect(evaluate({ field: 'daysSinceLastOrder', op: 'gt', value: 90 }, subject, day(10))).toEqual({ matches: false, changesAt: day(90) });
    expect(evaluate({ field: 'daysSinceLastOrder', op: 'gt', value: 90 }, subject, day(91)).matches).toBe(true);
  });

  it('notes only the moments of the conditions it read: a false first child of "all" decides alone', () => {
    const subject = subjectWith({ facts: { country: 'GB' }, behaviour: { orders: [{ orderId: 'o', at: dayIso(0), products: ['A'], categories: [] }] } });
    const condition = { all: [{ field: 'country', op: 'eq', value: 'FR' }, { bought: { product: 'A', withinDays: 30 } }] };
    expect(evaluate(condition, subject, day(1))).toEqual({ matches: false, changesAt: null });
  });
});
