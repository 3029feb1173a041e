import { customer360Caps } from './customer-360-caps';
import { customer360Projection } from './customer-360-projection';
import { customer360Rules } from './customer-360-rules';
import { customerEvents, line, projectionSpecification } from './testing';

const { given } = projectionSpecification(customer360Projection());
const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();

describe('orders', () => {
  it('counts orders, sums revenue per currency and takes first/last as min/max of business time', () => {
    const event = customerEvents();
    const doc = given([
      event('OrderPlaced', { orderId: 'o-2', lines: [line('p', 2, 10)] }, day(10)),
      event('OrderPlaced', { orderId: 'o-3', lines: [line('p', 1, 5), line('q', 1, 7, { currency: 'EUR' })] }, day(20)),
      // Late: it happened before the others.
      event('OrderPlaced', { orderId: 'o-1', lines: [line('q', 3, 1.5)] }, day(0)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({
      orderCount: 3,
      firstOrderAt: day(0),
      lastOrderAt: day(20),
      revenue: { GBP: 29.5, EUR: 7 },
      reportingRevenue: 29.5,
      ordersByCurrency: { GBP: 3, EUR: 1 },
      averageOrderValue: { GBP: 9.8333, EUR: 7 },
      orderDayCount: 3,
      usualOrderGapDays: 10,
    });
    expect(doc.recentOrders.map((order) => order.orderId)).toEqual(['o-3', 'o-2', 'o-1']);
    expect(doc.recentOrders[0]).toEqual({ orderId: 'o-3', at: day(20), amounts: { GBP: 5, EUR: 7 }, lineCount: 2, cancelled: false });
  });

  it('rounds sums to 4 decimals at each addition, so floats do not drift', () => {
    const event = customerEvents();
    const orders = Array.from({ length: 1000 }, (_, index) => event('OrderPlaced', { orderId: `o-${index}`, lines: [line('p', 1, 0.1), line('q', 1, 0.2)] }, day(0)));
    const doc = given(orders).thenDocument('17850');
    expect(doc.revenue.GBP).toBe(300);
    expect(doc.reportingRevenue).toBe(300);
    expect(doc.averageOrderValue.GBP).toBe(0.3);
  });

  it('reports revenue in the configured reporting currency, 0 when the customer never paid in it', () => {
    const event = customerEvents();
    const spec = projectionSpecification(customer360Projection(customer360Rules({ reportingCurrency: 'EUR' })));
    const doc = spec.given([event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 1, 10)] }, day(0))]).thenDocument('17850');
    expect(doc).toMatchObject({ revenue: { GBP: 10 }, reportingRevenue: 0, rfmMonetary: 1 });
  });

  it('takes a cancelled order off the revenue, once', () => {
    const event = customerEvents();
    const doc = given([
      event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 2, 10)] }, day(0)),
      event('OrderPlaced', { orderId: 'o-2', lines: [line('p', 1, 4)] }, day(1)),
      event('OrderCancelled', { orderId: 'o-1', reason: 'out of stock' }, day(2)),
      event('OrderCancelled', { orderId: 'o-1' }, day(3)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ orderCount: 2, cancelledOrderCount: 1, revenue: { GBP: 4 }, ordersByCurrency: { GBP: 1 }, averageOrderValue: { GBP: 4 } });
    expect(doc.recentOrders.find((order) => order.orderId === 'o-1')?.cancelled).toBe(true);
    expect(JSON.stringify(doc)).not.toContain('out of stock');
  });

  it('counts the cancellation of an order it does not know, with its amount unknown', () => {
    const event = customerEvents();
    const doc = given([
      event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 2, 10)] }, day(0)),
      event('OrderCancelled', { orderId: 'elsewhere' }, day(1)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ orderCount: 1, cancelledOrderCount: 1, revenue: { GBP: 20 }, rfmFrequency: 1 });
  });

  it('ignores an order id already among the recent orders (a re-delivery under another event id)', () => {
    const event = customerEvents();
    const doc = given([
      event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 2, 10)] }, day(0)),
      event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 2, 10)] }, day(0)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ orderCount: 1, revenue: { GBP: 20 }, topProducts: [{ productId: 'p', orders: 1, quantity: 2, spend: 20 }] });
  });

  it(`keeps the ${customer360Caps.recentOrders} most recent orders by business time`, () => {
    const event = customerEvents();
    const orders = Array.from({ length: 60 }, (_, index) => event('OrderPlaced', { orderId: `o-${index}`, lines: [line('p', 1, 1)] }, day(59 - index)));
    const doc = given(orders).thenDocument('17850');
    expect(doc.recentOrders).toHaveLength(customer360Caps.recentOrders);
    expect(doc.recentOrders[0].orderId).toBe('o-0');
    expect(doc.recentOrders[49].orderId).toBe('o-49');
    expect(doc).toMatchObject({ orderCount: 60, orderDayCount: 60, usualOrderGapDays: 1 });
  });

  describe('usual gap between orders', () => {
    it('is the mean gap between distinct order days, null with fewer than 2', () => {
      const event = customerEvents();
      const one = given([event('OrderPlaced', { orderId: 'a', lines: [line('p', 1, 1)] }, day(0))]).thenDocument('17850');
      expect(one.usualOrderGapDays).toBeNull();
      const sameDay = given([
        event('OrderPlaced', { orderId: 'b', lines: [line('p', 1, 1)] }, '2011-01-01T08:00:00Z'),
        event('OrderPlaced', { orderId: 'c', lines: [line('p', 1, 1)] }, '2011-01-01T20:00:00Z'),
      ]).thenDocument('17850');
      expect(sameDay).toMatchObject({ orderDayCount: 1, usualOrderGapDays: null });
    });

    it('counts days, not orders, whatever order the events come in', () => {
      const event = customerEvents();
      const doc = given([
        event('OrderPlaced', { orderId: 'a', lines: [line('p', 1, 1)] }, day(30)),
        event('OrderPlaced', { orderId: 'b', lines: [line('p', 1, 1)] }, day(0)),
        event('OrderPlaced', { orderId: 'c', lines: [line('p', 1, 1)] }, day(10)),
        event('OrderPlaced', { orderId: 'd', lines: [line('p', 1, 1)] }, day(10)),
      ]).thenDocument('17850');
      // Days 0, 10 and 30: gaps of 10 and 20.
      expect(doc).toMatchObject({ orderCount: 4, orderDayCount: 3, usualOrderGapDays: 15 });
    });

    it('beyond the recent orders, counts a late order as a new day unless it falls on the first order day', () => {
      const event = customerEvents();
      const orders = Array.from({ length: 55 }, (_, index) => event('OrderPlaced', { orderId: `o-${index}`, lines: [line('p', 1, 1)] }, day(100 + index)));
      const onFirstDay = given([...orders, event('OrderPlaced', { orderId: 'late-1', lines: [line('p', 1, 1)] }, day(100))]).thenDocument('17850');
      expect(onFirstDay.orderDayCount).toBe(55);
      const before = given([...orders, event('OrderPlaced', { orderId: 'late-2', lines: [line('p', 1, 1)] }, day(50))]).thenDocument('17850');
      // Days 50 and 100 to 154: (154 − 50) / 55.
      expect(before).toMatchObject({ orderDayCount: 56, firstOrderAt: day(50), usualOrderGapDays: 1.89 });
    });
  });

  it('sums payments and refunds per currency, a return refund once when it names the refund that paid it', () => {
    const event = customerEvents();
    const doc = given([
      event('PaymentCaptured', { paymentId: 'pay-1', orderId: 'o-1', amount: 35.64, currency: 'GBP', method: 'card' }, day(0)),
      event('RefundIssued', { refundId: 'ref-1', amount: 15.3, currency: 'GBP', reason: 'late delivery' }, day(1)),
      event('ReturnRefunded', { returnId: 'ret-1', amount: 5.1, currency: 'GBP' }, day(2)),
      event('RefundIssued', { refundId: 'ref-2', returnId: 'ret-2', amount: 2, currency: 'EUR' }, day(3)),
      event('ReturnRefunded', { returnId: 'ret-2', amount: 2, currency: 'EUR', refundId: 'ref-2' }, day(3)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ paid: { GBP: 35.64 }, refunded: { GBP: 20.4, EUR: 2 } });
    expect(JSON.stringify(doc)).not.toContain('late delivery');
  });
});
