import { customer360Projection } from './customer-360-projection';
import { Customer360Document } from './customer-360-document';
import { customer360Rules, defaultCustomer360Rules } from './customer-360-rules';
import { customer360View } from './customer-360-view';
import { recencyScoreConditions } from './rfm';
import { customerEvents, line, matchesAll, projectionSpecification } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();
const { given } = projectionSpecification(customer360Projection());

function customerWith(orders: number, unitPrice = 1, cancelled = 0): Customer360Document {
  const event = customerEvents();
  return given([
    ...Array.from({ length: orders }, (_, index) => event('OrderPlaced', { orderId: `o-${index}`, lines: [line('p', 1, unitPrice)] }, day(index))),
    ...Array.from({ length: cancelled }, (_, index) => event('OrderCancelled', { orderId: `o-${index}` }, day(orders + index))),
  ]).thenDocument('17850');
}

describe('RFM', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [8, 4],
    [15, 4],
    [16, 5],
  ])('scores frequency on kept orders: %i orders → %i', (orders, score) => {
    expect(customerWith(orders).rfmFrequency).toBe(score);
  });

  it('does not count cancelled orders for frequency', () => {
    expect(customerWith(4, 1, 3).rfmFrequency).toBe(1);
  });

  it.each([
    [99.99, 1],
    [100, 2],
    [499, 2],
    [500, 3],
    [1000, 4],
    [5000, 5],
  ])('scores monetary on the reporting revenue: %d → %i', (revenue, score) => {
    expect(customerWith(1, revenue).rfmMonetary).toBe(score);
  });

  it('scores nothing for a party without orders', () => {
    const doc = given([customerEvents()('CustomerRegistered', { partyKind: 'customer' }, day(0))]).thenDocument('17850');
    expect(doc).toMatchObject({ rfmFrequency: null, rfmMonetary: null });
    expect(customer360View(doc, new Date(day(1)))).toMatchObject({ rfm: null, daysSinceLastOrder: null });
  });

  it('scores recency at read time and reads the three as "RFM"', () => {
    const doc = customerWith(8, 200); // last order on day 7; 1,600 GBP
    expect(customer360View(doc, new Date(day(7))).rfm).toEqual({ recency: 5, frequency: 4, monetary: 4, score: '544' });
    expect(customer360View(doc, new Date(day(37))).rfm?.recency).toBe(5);
    expect(customer360View(doc, new Date(Date.parse(day(37)) + 1)).rfm?.recency).toBe(4);
    expect(customer360View(doc, new Date(day(500))).rfm?.score).toBe('144');
    expect(customer360View(doc, new Date(day(500))).daysSinceLastOrder).toBe(493);
  });

  it('follows configured thresholds', () => {
    const rules = customer360Rules({ recencyScoreDays: [1, 2, 3, 4], frequencyScoreOrders: [1, 2, 3, 4], monetaryScoreRevenue: [0, 1, 2, 3] });
    const doc = projectionSpecification(customer360Projection(rules)).given([customerEvents()('OrderPlaced', { orderId: 'o', lines: [line('p', 1, 2)] }, day(0))]).thenDocument('17850');
    expect(customer360View(doc, new Date(day(3)), rules).rfm).toEqual({ recency: 3, frequency: 2, monetary: 4, score: '324' });
  });

  it('gives search conditions that select exactly the documents the view scores so, at the boundaries too', () => {
    const daysBeforeNow = [-5, 0, 10, 29, 30, 31, 89, 90, 91, 179, 180, 181, 364, 365, 366, 800];
    const documents = daysBeforeNow.map((n) => given([customerEvents()('OrderPlaced', { orderId: 'o', lines: [line('p', 1, 1)] }, day(800 - n))]).thenDocument('17850'));
    const justPast30Days = given([customerEvents()('OrderPlaced', { orderId: 'o', lines: [line('p', 1, 1)] }, new Date(Date.parse(day(770)) - 1).toISOString())]).thenDocument('17850');
    const prospect = given([customerEvents()('CustomerRegistered', { partyKind: 'prospect' }, day(0))]).thenDocument('17850');
    const now = new Date(day(800));
    for (const doc of [...documents, justPast30Days, prospect]) {
      const recency = customer360View(doc, now).rfm?.recency ?? null;
      const matching = [1, 2, 3, 4, 5].filter((score) => matchesAll(doc, recencyScoreConditions(score, now, defaultCustomer360Rules)));
      expect({ lastOrderAt: doc.lastOrderAt, scores: matching }).toEqual({ lastOrderAt: doc.lastOrderAt, scores: recency === null ? [] : [recency] });
    }
    expect(documents.map((doc) => customer360View(doc, now).rfm?.recency)).toEqual([5, 5, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1]);
    expect(customer360View(justPast30Days, now).rfm?.recency).toBe(4);
  });

  it('refuses a score outside 1 to 5', () => {
    expect(() => recencyScoreConditions(6, new Date(), defaultCustomer360Rules)).toThrow(/integer from 1 to 5/);
  });
});
