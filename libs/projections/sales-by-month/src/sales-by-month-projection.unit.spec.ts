import { salesByMonthProjection } from './sales-by-month-projection';
import { line, projectionSpecification, salesEvents } from './testing';
import { UnfoldableSaleError } from './unfoldable-sale-error';

const projection = salesByMonthProjection();
const { given } = projectionSpecification(projection);

describe('salesByMonthProjection', () => {
  it('is sales-by-month v1 in sales_by_month_v1, folding orders, refunds and returns', () => {
    expect(projection).toMatchObject({ name: 'sales-by-month', version: 1, collection: { name: 'sales_by_month_v1' } });
    expect([...projection.eventTypes].sort()).toEqual(['OrderPlaced', 'RefundIssued', 'ReturnRefunded', 'ReturnRequested']);
    for (const index of projection.collection.indexes) expect(index.name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('given orders, refunds and returns of several customers, then one document per UTC month and currency', () => {
    const event = salesEvents();
    given([
      event('OrderPlaced', { orderId: '1', lines: [line(6, 2.55), line(6, 3.39)] }, '2010-12-01T08:26:00Z'),
      event('OrderPlaced', { orderId: '2', lines: [line(1, 10)] }, '2010-12-31T23:59:59Z', '12583'),
      // 00:30 in Paris is still 2010-12-31 23:30 UTC: months are UTC.
      event('OrderPlaced', { orderId: '3', lines: [line(2, 7.5, 'EUR')] }, '2011-01-01T00:30:00+01:00', '12583'),
      event('OrderPlaced', { orderId: '4', lines: [line(1, 4)] }, '2011-01-01T00:00:00Z'),
      event('RefundIssued', { refundId: 'ref-1', amount: 15.3, currency: 'GBP', reason: 'late delivery' }, '2011-01-02T00:00:00Z'),
      event('ReturnRequested', { returnId: 'ret-1', productId: 'p', quantity: 2, reason: 'damaged', channel: 'web' }, '2011-01-03T00:00:00Z'),
      event('ReturnRefunded', { returnId: 'ret-1', amount: 5.1, currency: 'GBP' }, '2011-01-04T00:00:00Z'),
      event('CustomerRegistered', { partyKind: 'customer' }, '2011-01-04T00:00:00Z'),
    ]).then({
      '2010-12:GBP': { month: '2010-12', currency: 'GBP', orders: 2, revenue: 45.64, refunds: 0, returns: 0 },
      '2010-12:EUR': { month: '2010-12', currency: 'EUR', orders: 1, revenue: 15, refunds: 0, returns: 0 },
      '2011-01:GBP': { month: '2011-01', currency: 'GBP', orders: 1, revenue: 4, refunds: 20.4, returns: 1 },
    });
  });

  it('counts a return refund once when it names the refund that paid it', () => {
    const event = salesEvents();
    given([
      event('RefundIssued', { refundId: 'ref-2', returnId: 'ret-2', amount: 3, currency: 'GBP' }, '2011-02-01T00:00:00Z'),
      event('ReturnRefunded', { returnId: 'ret-2', amount: 3, currency: 'GBP', refundId: 'ref-2' }, '2011-02-01T00:00:00Z'),
    ]).then({ '2011-02:GBP': { month: '2011-02', currency: 'GBP', orders: 0, revenue: 0, refunds: 3, returns: 0 } });
  });

  it('puts a mixed-currency order in the currency of its first line, with that currency only', () => {
    const event = salesEvents();
    given([event('OrderPlaced', { orderId: '1', lines: [line(1, 10, 'EUR'), line(1, 99, 'GBP'), line(2, 1.25, 'EUR')] }, '2011-03-05T00:00:00Z')]).then({
      '2011-03:EUR': { month: '2011-03', currency: 'EUR', orders: 1, revenue: 12.5, refunds: 0, returns: 0 },
    });
  });

  it('counts returns in the configured currency', () => {
    const event = salesEvents();
    projectionSpecification(salesByMonthProjection({ returnsCurrency: 'EUR' }))
      .given([event('ReturnRequested', { returnId: 'ret-1', productId: 'p', quantity: 1, reason: 'other', channel: 'store' }, '2011-04-01T00:00:00Z')])
      .then({ '2011-04:EUR': { month: '2011-04', currency: 'EUR', orders: 0, revenue: 0, refunds: 0, returns: 1 } });
    expect(() => salesByMonthProjection({ returnsCurrency: 'euro' })).toThrow(/returnsCurrency must be an ISO 4217 code/);
  });

  it('rounds sums to 4 decimals at each addition, so floats do not drift', () => {
    const event = salesEvents();
    const orders = Array.from({ length: 1000 }, (_, n) => event('OrderPlaced', { orderId: `${n}`, lines: [line(1, 0.1), line(1, 0.2)] }, '2011-05-01T00:00:00Z'));
    expect(given(orders).thenDocument('2011-05:GBP')).toEqual({ month: '2011-05', currency: 'GBP', orders: 1000, revenue: 300, refunds: 0, returns: 0 });
  });

  it.each([
    ['an order without lines', 'OrderPlaced', { orderId: '1', lines: [] }, /data\.lines must be a non-empty array/],
    ['a line with a lower-case currency', 'OrderPlaced', { orderId: '1', lines: [line(1, 1, 'gbp')] }, /data\.lines\[0\]\.currency must be an ISO 4217 currency code/],
    ['a refund without an amount', 'RefundIssued', { refundId: 'r', currency: 'GBP' }, /data\.amount must be a finite number of at least 0 \(got nothing\)/],
  ])('refuses %s, naming the event and the field', (_case, type, data, message) => {
    const poison = salesEvents()(type, data, '2011-01-01T00:00:00Z');
    given([poison]).thenThrows(UnfoldableSaleError, (error) => {
      expect(error.message).toMatch(message);
      expect(error.message).toContain(`${type} v1 ${poison.eventId} (stream customer-17850, position ${poison.position})`);
    });
  });

  it('refuses an event without a business time', () => {
    const poison = salesEvents()('ReturnRequested', { returnId: 'r', productId: 'p', quantity: 1, reason: 'other', channel: 'web' }, 'soon');
    expect(() => projection.documentIdOf(poison)).toThrow(/metadata\.occurredAt must be an ISO 8601 instant/);
  });
});
