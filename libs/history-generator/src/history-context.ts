import { CustomerTable } from './customer-table';
import { HistoryPlan } from './history-options';
import { SeededRandom, WeightedTable } from './seeded-random';
import { countries } from './world/places';
import { currencyIndexOf, ProductCatalogue } from './world/product-catalogue';

/** What every fact builder reads and advances: the randomness, the catalogue, the parties, the id counters. */
export class HistoryContext {
  readonly table: CustomerTable;
  readonly catalogue: ProductCatalogue;
  /** Currency index per country index. */
  readonly currencyOfCountry: Uint8Array = Uint8Array.from(countries.map((country) => currencyIndexOf(country.currency)));
  /** Counters behind the ids of orders, payments, refunds, returns and complaints: unique in the history. */
  readonly sequence = { order: 0, payment: 0, refund: 0, return: 0, complaint: 0 };

  constructor(
    readonly plan: HistoryPlan,
    /** For the fixed per-party values (hashOf). */
    readonly key: number,
    readonly random: SeededRandom,
  ) {
    this.table = new CustomerTable(plan.customers);
    this.catalogue = new ProductCatalogue(key, { products: plan.products });
  }
}

/** A list of values with weights, ready to draw from. */
export interface Weighted<V> {
  values: readonly V[];
  table: WeightedTable;
}

export function weighted<V>(pairs: readonly (readonly [V, number])[]): Weighted<V> {
  return { values: pairs.map(([value]) => value), table: new WeightedTable(pairs.map(([, weight]) => weight)) };
}

export function drawFrom<V>(random: SeededRandom, from: Weighted<V>): V {
  return from.values[from.table.draw(random)];
}

/** Minor units (pence, cents) to an amount with at most two decimals. */
export function amountOf(minorUnits: number): number {
  return minorUnits / 100;
}

export const dayMs = 86_400_000;
