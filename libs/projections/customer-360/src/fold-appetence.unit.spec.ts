import { customer360Caps } from './customer-360-caps';
import { customer360Projection } from './customer-360-projection';
import { customerEvents, line, projectionSpecification } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();
const { given } = projectionSpecification(customer360Projection());

describe('appetence', () => {
  it('sums orders, quantity and reporting-currency spend per category, and per product for lines without one', () => {
    const event = customerEvents();
    const doc = given([
      event('OrderPlaced', { orderId: 'o-1', lines: [line('a', 2, 10, { category: 'toys' }), line('b', 1, 5, { category: 'toys' }), line('c', 3, 1, { category: 'garden' })] }, day(0)),
      event('OrderPlaced', { orderId: 'o-2', lines: [line('d', 1, 100, { category: 'garden', currency: 'EUR' }), line('x', 4, 0.5), line('x', 1, 0.5)] }, day(1)),
    ]).thenDocument('17850');
    expect(doc.appetence).toEqual([
      { category: 'toys', orders: 1, quantity: 3, spend: 25 },
      { category: 'garden', orders: 2, quantity: 4, spend: 3 },
    ]);
    expect(doc.topProducts).toEqual([{ productId: 'x', orders: 1, quantity: 5, spend: 2.5 }]);
  });

  it('ranks products by quantity, then spend, then id', () => {
    const event = customerEvents();
    const doc = given([event('OrderPlaced', { orderId: 'o-1', lines: [line('b', 2, 1), line('a', 2, 1), line('c', 2, 3), line('d', 9, 0)] }, day(0))]).thenDocument('17850');
    expect(doc.topProducts.map((product) => product.productId)).toEqual(['d', 'c', 'a', 'b']);
  });

  it(`keeps the first ${customer360Caps.appetenceCategories} categories by spend; a dropped one starts again from nothing`, () => {
    const event = customerEvents();
    const big = Array.from({ length: customer360Caps.appetenceCategories }, (_, n) => event('OrderPlaced', { orderId: `big-${n}`, lines: [line(`p${n}`, 1, 100 + n, { category: `c${n}` })] }, day(n)));
    const small = [1, 2].map((n) => event('OrderPlaced', { orderId: `small-${n}`, lines: [line('s', 1, 10, { category: 'stationery' })] }, day(30 + n)));
    const doc = given([...big, ...small]).thenDocument('17850');
    expect(doc.appetence).toHaveLength(customer360Caps.appetenceCategories);
    expect(doc.appetence[0]).toEqual({ category: `c${customer360Caps.appetenceCategories - 1}`, orders: 1, quantity: 1, spend: 119 });
    expect(doc.appetence.map((entry) => entry.category)).not.toContain('stationery');
  });

  it(`keeps the ${customer360Caps.topProducts} most bought products, and the same entries whatever the business times`, () => {
    const build = (times: (n: number) => string) => {
      const event = customerEvents();
      return given(Array.from({ length: 40 }, (_, n) => event('OrderPlaced', { orderId: `o-${n}`, lines: [line(`p${n % 30}`, 1 + (n % 7), 1)] }, times(n)))).thenDocument('17850');
    };
    const forward = build((n) => day(n));
    const backward = build((n) => day(100 - n));
    expect(forward.topProducts).toHaveLength(customer360Caps.topProducts);
    expect(backward.topProducts).toEqual(forward.topProducts);
  });
});
