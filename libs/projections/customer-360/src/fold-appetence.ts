import { customer360Caps } from './customer-360-caps';
import { compareText, keepFirst } from './bounded-list';
import { CategoryAppetence, Customer360Document, ProductAppetence } from './customer-360-document';
import { EventOf, OrderLineFact } from './customer-360-event';
import { addMoney, roundMoney } from './money';

type Tally = { quantity: number; spend: number };

const bySpend = (a: CategoryAppetence, b: CategoryAppetence) =>
  b.spend - a.spend || b.quantity - a.quantity || compareText(a.category, b.category);
const byQuantity = (a: ProductAppetence, b: ProductAppetence) =>
  b.quantity - a.quantity || b.spend - a.spend || compareText(a.productId, b.productId);

/**
 * What the customer buys: per category (orders, quantity, spend in the reporting currency), and per product for
 * lines without a category. Both lists are bounded: after each order, only the first N by spend (categories) or by
 * quantity (products) stay, and a dropped entry's counts are forgotten (it starts again from 0 if bought again).
 * So the counts are exact while a customer has at most N of them, and a pure function of the events in log order.
 */
export function foldAppetence(doc: Customer360Document, event: EventOf<'OrderPlaced'>, reportingCurrency: string): Customer360Document {
  const categories = new Map<string, Tally>();
  const products = new Map<string, Tally>();
  for (const line of event.data.lines) {
    if (line.category !== undefined) tally(categories, line.category, line, reportingCurrency);
    else tally(products, line.productId, line, reportingCurrency);
  }
  return {
    ...doc,
    appetence:
      categories.size === 0
        ? doc.appetence
        : keepFirst(
            merge(doc.appetence, categories, (entry) => entry.category, (category, counts) => ({ category, ...counts })),
            bySpend,
            customer360Caps.appetenceCategories,
          ),
    topProducts:
      products.size === 0
        ? doc.topProducts
        : keepFirst(
            merge(doc.topProducts, products, (entry) => entry.productId, (productId, counts) => ({ productId, ...counts })),
            byQuantity,
            customer360Caps.topProducts,
          ),
  };
}

function tally(tallies: Map<string, Tally>, key: string, line: OrderLineFact, reportingCurrency: string): void {
  const current = tallies.get(key) ?? { quantity: 0, spend: 0 };
  const spend = line.currency === reportingCurrency ? roundMoney(line.quantity * line.unitPrice) : 0;
  tallies.set(key, { quantity: current.quantity + line.quantity, spend: addMoney(current.spend, spend) });
}

type Counts = { orders: number; quantity: number; spend: number };

/** The entries with this order's tallies added: one more order for each key the order touches. */
function merge<Entry extends Counts>(
  entries: Entry[],
  tallies: Map<string, Tally>,
  keyOf: (entry: Entry) => string,
  create: (key: string, counts: Counts) => Entry,
): Entry[] {
  const merged = entries.map((entry) => {
    const added = tallies.get(keyOf(entry));
    if (!added) return entry;
    return { ...entry, orders: entry.orders + 1, quantity: entry.quantity + added.quantity, spend: addMoney(entry.spend, added.spend) };
  });
  const known = new Set(entries.map(keyOf));
  for (const [key, added] of tallies) if (!known.has(key)) merged.push(create(key, { orders: 1, ...added }));
  return merged;
}
