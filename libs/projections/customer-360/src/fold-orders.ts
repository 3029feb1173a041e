import { customer360Caps } from './customer-360-caps';
import { earlierOf, laterOf, utcDay } from './business-time';
import { compareText, insertInOrder } from './bounded-list';
import { Customer360Document, RecentOrder } from './customer-360-document';
import { EventOf } from './customer-360-event';
import { foldAppetence } from './fold-appetence';
import { addAmounts, addToCurrency, amountsOfLines } from './money';

/** Most recent first by business time; equal times by order id, so the kept set does not depend on ties. */
const recentFirst = (a: RecentOrder, b: RecentOrder) => compareText(b.at, a.at) || compareText(b.orderId, a.orderId);

/**
 * Counts the order, adds its value per currency and keeps it among the recent orders. first/last are the
 * min/max of business time, whatever the order events arrive in. Its lines feed the appetence. An order id
 * already among the recent orders is a re-delivery and changes nothing.
 */
export function foldOrderPlaced(doc: Customer360Document, event: EventOf<'OrderPlaced'>, reportingCurrency: string): Customer360Document {
  const { orderId, lines } = event.data;
  if (doc.recentOrders.some((order) => order.orderId === orderId)) return doc;
  const at = event.occurredAt;
  const amounts = amountsOfLines(lines);
  const order: RecentOrder = { orderId, at, amounts, lineCount: lines.length, cancelled: false };
  const ordersByCurrency = { ...doc.ordersByCurrency };
  for (const currency of Object.keys(amounts)) ordersByCurrency[currency] = (ordersByCurrency[currency] ?? 0) + 1;
  const counted: Customer360Document = {
    ...doc,
    orderCount: doc.orderCount + 1,
    orderDayCount: doc.orderDayCount + (isNewOrderDay(doc, at) ? 1 : 0),
    firstOrderAt: earlierOf(doc.firstOrderAt, at),
    lastOrderAt: laterOf(doc.lastOrderAt, at),
    revenue: addAmounts(doc.revenue, amounts),
    ordersByCurrency,
    recentOrders: insertInOrder(doc.recentOrders, order, recentFirst, customer360Caps.recentOrders),
  };
  return foldAppetence(counted, event, reportingCurrency);
}

/**
 * Exact while the recent orders hold every order. Beyond the cap, an order older than all of them (a late one)
 * counts as a new day unless it falls on the first order's day: its neighbours are no longer known.
 */
function isNewOrderDay(doc: Customer360Document, at: string): boolean {
  const day = utcDay(at);
  if (doc.recentOrders.some((order) => utcDay(order.at) === day)) return false;
  const everyOrderKnown = doc.recentOrders.length === doc.orderCount;
  if (everyOrderKnown) return true;
  const oldestKnownDay = utcDay(doc.recentOrders[doc.recentOrders.length - 1].at);
  return day > oldestKnownDay || doc.firstOrderAt === null || day !== utcDay(doc.firstOrderAt);
}

/**
 * Counted once per order. A recent order's amount is taken off the revenue; an order no longer (or not yet)
 * among the recent orders is counted as cancelled with its amount unknown, so its revenue stays.
 */
export function foldOrderCancelled(doc: Customer360Document, event: EventOf<'OrderCancelled'>): Customer360Document {
  const order = doc.recentOrders.find((recent) => recent.orderId === event.data.orderId);
  if (!order) return { ...doc, cancelledOrderCount: doc.cancelledOrderCount + 1 };
  if (order.cancelled) return doc;
  const ordersByCurrency = { ...doc.ordersByCurrency };
  for (const currency of Object.keys(order.amounts)) ordersByCurrency[currency] = Math.max(0, (ordersByCurrency[currency] ?? 0) - 1);
  return {
    ...doc,
    cancelledOrderCount: doc.cancelledOrderCount + 1,
    revenue: addAmounts(doc.revenue, order.amounts, -1),
    ordersByCurrency,
    recentOrders: doc.recentOrders.map((recent) => (recent === order ? { ...recent, cancelled: true } : recent)),
  };
}

export function foldPaymentCaptured(doc: Customer360Document, event: EventOf<'PaymentCaptured'>): Customer360Document {
  return { ...doc, paid: addToCurrency(doc.paid, event.data.currency, event.data.amount) };
}

export function foldRefundIssued(doc: Customer360Document, event: EventOf<'RefundIssued'>): Customer360Document {
  return { ...doc, refunded: addToCurrency(doc.refunded, event.data.currency, event.data.amount) };
}
