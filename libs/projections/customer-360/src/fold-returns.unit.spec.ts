import { customer360Caps } from './customer-360-caps';
import { customer360Projection } from './customer-360-projection';
import { customerEvents, line, projectionSpecification, sealed } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();
const { given } = projectionSpecification(customer360Projection());
const request = (returnId: string, extra: object = {}) => ({ returnId, orderId: '536365', productId: '85123A', sku: '85123A-W', quantity: 2, reason: 'damaged', channel: 'web', ...extra });

describe('returns', () => {
  it('keeps a requested return open, with its receipt, and never the party comment', () => {
    const event = customerEvents();
    const doc = given([
      event('OrderPlaced', { orderId: '536365', lines: [line('85123A', 6, 2.55)] }, day(0)),
      event('ReturnRequested', request('ret-311', { comment: sealed('the box was crushed') }), day(2)),
      event('ReturnReceived', { returnId: 'ret-311', condition: 'opened' }, day(5)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ returnCount: 1, returnRate: 1, refundedReturnCount: 0, rejectedReturnCount: 0, recentlyClosedReturns: [] });
    expect(doc.openReturns).toEqual([
      { returnId: 'ret-311', orderId: '536365', productId: '85123A', sku: '85123A-W', quantity: 2, reason: 'damaged', requestedAt: day(2), receivedAt: day(5), condition: 'opened' },
    ]);
    expect(JSON.stringify(doc)).not.toContain(sealed('the box was crushed'));
  });

  it('closes a return when refunded or rejected, most recently closed first', () => {
    const event = customerEvents();
    const doc = given([
      event('ReturnRequested', request('ret-1'), day(1)),
      event('ReturnRequested', request('ret-2', { productId: '71053', sku: undefined }), day(2)),
      event('ReturnRequested', request('ret-3'), day(3)),
      event('ReturnRefunded', { returnId: 'ret-1', amount: 5.1, currency: 'GBP' }, day(4)),
      event('ReturnRejected', { returnId: 'ret-2', reason: 'returned after the 30-day window' }, day(6)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ returnCount: 3, refundedReturnCount: 1, rejectedReturnCount: 1, refunded: { GBP: 5.1 }, returnRate: 0 });
    expect(doc.openReturns.map((open) => open.returnId)).toEqual(['ret-3']);
    expect(doc.recentlyClosedReturns).toEqual([
      { returnId: 'ret-2', productId: '71053', sku: null, closedAt: day(6), outcome: 'rejected' },
      { returnId: 'ret-1', productId: '85123A', sku: '85123A-W', closedAt: day(4), outcome: 'refunded' },
    ]);
    expect(JSON.stringify(doc)).not.toContain('30-day window');
  });

  it('computes the return rate as returns requested per order placed', () => {
    const event = customerEvents();
    const doc = given([
      ...[0, 1, 2].map((n) => event('OrderPlaced', { orderId: `o-${n}`, lines: [line('p', 1, 1)] }, day(n))),
      event('ReturnRequested', request('ret-1'), day(4)),
    ]).thenDocument('17850');
    expect(doc.returnRate).toBe(0.3333);
  });

  it('folds a refund that arrives before its request: counted once, closed, completed by the request, never opened', () => {
    const event = customerEvents();
    const doc = given([
      event('ReturnRefunded', { returnId: 'ret-9', amount: 3, currency: 'GBP' }, day(5)),
      event('ReturnRequested', request('ret-9'), day(2)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ returnCount: 1, refundedReturnCount: 1, openReturns: [] });
    expect(doc.recentlyClosedReturns).toEqual([{ returnId: 'ret-9', productId: '85123A', sku: '85123A-W', closedAt: day(5), outcome: 'refunded' }]);
  });

  it('counts a return refunded after a rejection as refunded, and a second refund of it once', () => {
    const event = customerEvents();
    const doc = given([
      event('ReturnRequested', request('ret-1'), day(1)),
      event('ReturnRejected', { returnId: 'ret-1', reason: 'late' }, day(2)),
      event('ReturnRejected', { returnId: 'ret-1', reason: 'late again' }, day(3)),
      event('ReturnRefunded', { returnId: 'ret-1', amount: 2, currency: 'GBP' }, day(4)),
      event('ReturnRefunded', { returnId: 'ret-1', amount: 1, currency: 'GBP' }, day(6)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ returnCount: 1, refundedReturnCount: 1, rejectedReturnCount: 0, refunded: { GBP: 3 } });
    expect(doc.recentlyClosedReturns).toEqual([{ returnId: 'ret-1', productId: '85123A', sku: '85123A-W', closedAt: day(6), outcome: 'refunded' }]);
  });

  it('ignores the receipt of a return it does not hold open, and a request already open', () => {
    const event = customerEvents();
    const doc = given([
      event('ReturnReceived', { returnId: 'unknown', condition: 'damaged' }, day(1)),
      event('ReturnRequested', request('ret-1'), day(1)),
      event('ReturnRequested', request('ret-1'), day(1)),
    ]).thenDocument('17850');
    expect(doc.returnCount).toBe(1);
    expect(doc.openReturns).toHaveLength(1);
    expect(doc.openReturns[0]).toMatchObject({ receivedAt: null, condition: null });
  });

  it(`keeps the ${customer360Caps.openReturns} most recently requested open returns and ${customer360Caps.recentlyClosedReturns} most recently closed`, () => {
    const event = customerEvents();
    const requests = Array.from({ length: 70 }, (_, n) => event('ReturnRequested', request(`ret-${n}`), day(n)));
    const refunds = Array.from({ length: 60 }, (_, n) => event('ReturnRefunded', { returnId: `ret-${n}`, amount: 1, currency: 'GBP' }, day(100 + n)));
    const open = given(requests).thenDocument('17850');
    expect(open.openReturns).toHaveLength(customer360Caps.openReturns);
    expect(open.openReturns[0].returnId).toBe('ret-69');
    const closed = given([...requests, ...refunds]).thenDocument('17850');
    expect(closed.recentlyClosedReturns).toHaveLength(customer360Caps.recentlyClosedReturns);
    expect(closed.recentlyClosedReturns[0]).toMatchObject({ returnId: 'ret-59', closedAt: day(159) });
    expect(closed).toMatchObject({ returnCount: 70, refundedReturnCount: 60, refunded: { GBP: 60 } });
  });
});
