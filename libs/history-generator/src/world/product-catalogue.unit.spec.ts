import { SeededRandom, seedWords } from '../seeded-random';
import { currencyIndexOf, ProductCatalogue } from './product-catalogue';

describe('the product catalogue', () => {
  const catalogue = new ProductCatalogue(seedWords('catalogue')[0], { products: 5_000 });

  it('holds 5,000 distinct SKUs over 50 categories, each category stocked', () => {
    expect(new Set(catalogue.products.map((product) => product.sku)).size).toBe(5_000);
    expect(catalogue.categories).toHaveLength(50);
    expect(new Set(catalogue.products.map((product) => product.category))).toEqual(new Set(catalogue.categories));
  });

  it('sells a few best-sellers and a long tail (Zipf-like popularity)', () => {
    const random = new SeededRandom(seedWords('sales'));
    const sales = new Map<number, number>();
    for (let i = 0; i < 200_000; i++) {
      const product = catalogue.popularAt(random.next());
      sales.set(product, (sales.get(product) ?? 0) + 1);
    }
    const bySales = [...sales.values()].sort((a, b) => b - a);
    const top50 = bySales.slice(0, 50).reduce((sum, count) => sum + count, 0);
    expect(top50 / 200_000).toBeGreaterThan(0.35);
    expect(bySales[0]).toBeGreaterThan(100 * bySales[2_000]);
    expect(sales.size).toBeGreaterThan(3_000);
  });

  it('prices every product in pence, cents and cents at fixed rates', () => {
    for (let product = 0; product < catalogue.size; product++) {
      const pence = catalogue.priceOf(product, currencyIndexOf('GBP'));
      expect(Number.isInteger(pence) && pence > 0).toBe(true);
      expect(catalogue.priceOf(product, currencyIndexOf('EUR'))).toBe(Math.round(pence * 1.17));
    }
  });
});
