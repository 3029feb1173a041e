import { customer360Projection } from './customer-360-projection';
import { customer360View } from './customer-360-view';
import { customer360AsOf, foldCustomer360 } from './time-travel';
import { customerEvents, foldAll, line } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();

describe('time travel', () => {
  const event = customerEvents();
  const history = [
    event('CustomerRegistered', { partyKind: 'customer' }, day(0)),
    event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 1, 10)] }, day(1)),
    event('OrderPlaced', { orderId: 'o-3', lines: [line('p', 1, 30)] }, day(100)),
    event('IdentityClaimed', { customerId: '17850' }, day(100)),
    // Recorded last, happened on day 50: part of the past of every day from 50 on.
    event('OrderPlaced', { orderId: 'o-2', lines: [line('p', 1, 20)] }, day(50), { recordedAt: day(120) }),
  ];

  it('folds with the projection evolve: the same document as the projection stores', () => {
    expect(foldCustomer360(history)).toEqual(foldAll(customer360Projection(), history).get('17850'));
  });

  it('is null without any event to fold', () => {
    expect(foldCustomer360([])).toBeNull();
    expect(customer360AsOf(history, new Date(day(-1)))).toBeNull();
  });

  it('shows the customer as of a business time, late-recorded events included in their past', () => {
    const atDay60 = customer360AsOf(history, new Date(day(60)));
    expect(atDay60).toMatchObject({ orderCount: 2, revenue: { GBP: 30 }, lastOrderAt: day(50), lifecycleStage: 'active', daysSinceLastOrder: 10 });
    const atDay40 = customer360AsOf(history, new Date(day(40)));
    expect(atDay40).toMatchObject({ orderCount: 1, revenue: { GBP: 10 }, lastOrderAt: day(1), daysSinceLastOrder: 39 });
  });

  it('includes an event that occurred exactly at the instant asked for, and views the document at that instant', () => {
    const atDay100 = customer360AsOf(history, new Date(day(100)));
    expect(atDay100).toEqual(customer360View(foldCustomer360(history)!, new Date(day(100))));
    expect(atDay100).toMatchObject({ orderCount: 3, lastOrderAt: day(100), daysSinceLastOrder: 0 });
    expect(customer360AsOf(history, new Date(Date.parse(day(100)) - 1))).toMatchObject({ orderCount: 2, lastOrderAt: day(50) });
  });

  it('refuses events of two customers', () => {
    const other = customerEvents('other', { position: 50 });
    expect(() => foldCustomer360([history[0], other('CustomerRegistered', { partyKind: 'customer' }, day(0))])).toThrow(/one customer's events/);
  });
});
