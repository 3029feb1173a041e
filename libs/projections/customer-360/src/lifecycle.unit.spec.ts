import { customer360Projection } from './customer-360-projection';
import { Customer360Document } from './customer-360-document';
import { customer360Rules, defaultCustomer360Rules } from './customer-360-rules';
import { customer360View } from './customer-360-view';
import { LifecycleStage, lifecycleStageConditions, lifecycleStages } from './lifecycle';
import { customerEvents, line, matchesAll, projectionSpecification } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

function customerWithOrdersOn(days: number[], rules = defaultCustomer360Rules): Customer360Document {
  const event = customerEvents();
  const orders = days.map((n, index) => event('OrderPlaced', { orderId: `o-${index}`, lines: [line('p', 1, 1)] }, day(n)));
  return projectionSpecification(customer360Projection(rules)).given(orders).thenDocument('17850');
}

describe('lifecycle', () => {
  it('puts a one-order customer at risk and churned from the default gap', () => {
    // Default gap 30: at risk after max(60, 2 × 30) = 60 days, churned after max(180, 4 × 30) = 180 days.
    expect(customerWithOrdersOn([0])).toMatchObject({ atRiskFrom: day(60), churnedFrom: day(180) });
  });

  it('stretches the dates for a customer who usually orders rarely', () => {
    // Days 0, 50, 100: usual gap 50, at risk after max(60, 100) days, churned after max(180, 200) days.
    expect(customerWithOrdersOn([0, 50, 100])).toMatchObject({ usualOrderGapDays: 50, atRiskFrom: day(200), churnedFrom: day(300) });
  });

  it('follows configured rules', () => {
    const rules = customer360Rules({ minAtRiskDays: 10, atRiskGapMultiplier: 3, churnedAfterDays: 20, churnGapMultiplier: 5, defaultOrderGapDays: 7 });
    expect(customerWithOrdersOn([0], rules)).toMatchObject({ atRiskFrom: day(21), churnedFrom: day(35) });
  });

  it('has no dates without orders', () => {
    const doc = projectionSpecification(customer360Projection())
      .given([customerEvents()('CustomerRegistered', { partyKind: 'customer' }, day(0))])
      .thenDocument('17850');
    expect(doc).toMatchObject({ atRiskFrom: null, churnedFrom: null });
  });

  it('reads the stage from the dates and now, to the millisecond', () => {
    const doc = customerWithOrdersOn([0]);
    const stageAt = (now: Date) => customer360View(doc, now).lifecycleStage;
    expect(stageAt(new Date(day(0)))).toBe('active');
    expect(stageAt(shift(day(60), -1))).toBe('active');
    expect(stageAt(new Date(day(60)))).toBe('at-risk');
    expect(stageAt(shift(day(180), -1))).toBe('at-risk');
    expect(stageAt(new Date(day(180)))).toBe('churned');
  });

  it('calls a party without any order a prospect, whatever its kind', () => {
    const event = customerEvents();
    const doc = projectionSpecification(customer360Projection())
      .given([event('CustomerRegistered', { partyKind: 'customer' }, day(0)), event('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'visit' }, day(1))])
      .thenDocument('17850');
    expect(customer360View(doc, new Date(day(500))).lifecycleStage).toBe('prospect');
  });

  it('gives search conditions that select exactly the documents the view puts in each stage', () => {
    const prospect = projectionSpecification(customer360Projection()).given([customerEvents()('CustomerRegistered', { partyKind: 'prospect' }, day(0))]).thenDocument('17850');
    const documents = [prospect, customerWithOrdersOn([0]), customerWithOrdersOn([0, 50, 100]), customerWithOrdersOn([30, 31]), customerWithOrdersOn([200])];
    const nows = [day(-10), day(0), day(59), day(60), shift(day(60), -1).toISOString(), day(90), day(179), day(180), day(200), day(261), day(300), day(1000)].map((iso) => new Date(iso));
    for (const now of nows) {
      for (const doc of documents) {
        const stage = customer360View(doc, now).lifecycleStage;
        const matching = lifecycleStages.filter((candidate: LifecycleStage) => matchesAll(doc, lifecycleStageConditions(candidate, now, defaultCustomer360Rules)));
        expect({ now: now.toISOString(), lastOrderAt: doc.lastOrderAt, stages: matching }).toEqual({ now: now.toISOString(), lastOrderAt: doc.lastOrderAt, stages: [stage] });
      }
    }
  });

  it('refuses an unknown stage', () => {
    expect(() => lifecycleStageConditions('dormant' as LifecycleStage, new Date(), defaultCustomer360Rules)).toThrow(/unknown lifecycle stage "dormant"/);
  });
});
