import { eventCatalogue } from '@cdp/event-model';
import { ProjectionDefinition } from '@cdp/projection-engine';
import { IndexDefinition } from '@cdp/read-store';
import { emptySalesByMonth, SalesByMonthDocument } from './sales-by-month-document';
import { addMoney, saleFactOf, salesEventTypes } from './sale-fact';

export interface SalesByMonthOptions {
  /** Returns carry no money: they are counted in the document of this currency. Default GBP. */
  returnsCurrency?: string;
}

export const salesByMonthIndexes: readonly IndexDefinition[] = Object.freeze([
  { name: 'month', fields: [{ field: 'month', direction: 'asc' }] },
  { name: 'currency_month', fields: [{ field: 'currency', direction: 'asc' }, { field: 'month', direction: 'asc' }] },
]);

/** Orders, revenue, refunds and returns per calendar month (UTC, by business time) and currency: `<yyyy-mm>:<currency>`. */
export function salesByMonthProjection(options: SalesByMonthOptions = {}): ProjectionDefinition<SalesByMonthDocument> {
  const returnsCurrency = options.returnsCurrency ?? 'GBP';
  if (!/^[A-Z]{3}$/.test(returnsCurrency)) {
    throw new Error(`returnsCurrency must be an ISO 4217 code in capitals, e.g. "GBP" (got "${returnsCurrency}")`);
  }
  // Events reach a projection upcast; upcasting again costs nothing and keeps a direct caller safe.
  const factOf = (event: Parameters<typeof saleFactOf>[0]) => saleFactOf(eventCatalogue.upcast(event), returnsCurrency);
  return {
    name: 'sales-by-month',
    version: 1,
    collection: { name: 'sales_by_month_v1', indexes: salesByMonthIndexes },
    eventTypes: salesEventTypes,
    documentIdOf(event) {
      const fact = factOf(event);
      return fact === null ? null : `${fact.month}:${fact.currency}`;
    },
    evolve(current, event) {
      const fact = factOf(event);
      if (fact === null) return current;
      const sales = current ?? emptySalesByMonth(fact.month, fact.currency);
      return {
        ...sales,
        orders: sales.orders + fact.orders,
        revenue: addMoney(sales.revenue, fact.revenue),
        refunds: addMoney(sales.refunds, fact.refunds),
        returns: sales.returns + fact.returns,
      };
    },
  };
}
