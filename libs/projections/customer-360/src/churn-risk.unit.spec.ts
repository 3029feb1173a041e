import { customer360Projection } from './customer-360-projection';
import { customer360View } from './customer-360-view';
import { customerEvents, line, projectionSpecification } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();
const { given } = projectionSpecification(customer360Projection());

describe('churn risk', () => {
  const event = customerEvents();
  // Orders on days 0, 10, 20: a usual gap of 10 days.
  const regular = [0, 10, 20].map((n, index) => event('OrderPlaced', { orderId: `o-${index}`, lines: [line('p', 1, 10)] }, day(n)));

  it('is none for a party without orders', () => {
    const doc = given([customerEvents()('CustomerRegistered', { partyKind: 'prospect' }, day(0))]).thenDocument('17850');
    expect(customer360View(doc, new Date(day(100))).churnRisk).toBeNull();
  });

  it('is low while the customer orders on their usual rhythm', () => {
    const doc = given(regular).thenDocument('17850');
    expect(customer360View(doc, new Date(day(30))).churnRisk).toEqual({ score: 0, level: 'low', reasons: [] });
  });

  it('grows with the overdue ratio: half the overdue points at twice the usual gap', () => {
    const doc = given(regular).thenDocument('17850');
    expect(customer360View(doc, new Date(day(40))).churnRisk).toEqual({
      score: 35,
      level: 'medium',
      reasons: ['20 days since the last order: 2.0× the usual gap of 10 days'],
    });
    expect(customer360View(doc, new Date(day(50))).churnRisk).toMatchObject({ score: 70, level: 'high' });
    expect(customer360View(doc, new Date(day(500))).churnRisk).toMatchObject({ score: 70, level: 'high' });
  });

  it('adds open complaints and the return rate, up to 100', () => {
    const more = customerEvents('17850', { position: 100 });
    const doc = given([
      ...regular,
      more('ComplaintOpened', { complaintId: 'c-1', channel: 'phone', category: 'delivery', severity: 'medium' }, day(21)),
      more('ComplaintOpened', { complaintId: 'c-2', channel: 'phone', category: 'billing', severity: 'low' }, day(22)),
      more('ComplaintOpened', { complaintId: 'c-3', channel: 'phone', category: 'service', severity: 'low' }, day(23)),
      more('ReturnRequested', { returnId: 'r-1', productId: 'p', quantity: 1, reason: 'damaged', channel: 'web' }, day(24)),
      more('ReturnRequested', { returnId: 'r-2', productId: 'p', quantity: 1, reason: 'damaged', channel: 'web' }, day(25)),
    ]).thenDocument('17850');
    expect(customer360View(doc, new Date(day(30))).churnRisk).toEqual({
      score: 20 + 10,
      level: 'low',
      reasons: ['3 open complaints', 'returns for 67% of orders'],
    });
    expect(customer360View(doc, new Date(day(60))).churnRisk).toMatchObject({ score: 100, level: 'high' });
  });
});
