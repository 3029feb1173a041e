import { Channel, JsonObject, PaymentMethod } from '@cdp/event-model';
import { followUp, orderFlag } from '../customer-table';
import { amountOf, drawFrom, HistoryContext, weighted } from '../history-context';
import { isBusiness, kindAtRegistration } from '../population';
import { currencies } from '../world/places';

const channels = weighted<Channel>([['web', 72], ['store', 18], ['phone', 6], ['chat', 2], ['social', 2]]);
/** Lines per order: most baskets are small; shops buying wholesale fill long ones. */
const personLines = weighted<number>([[1, 45], [2, 22], [3, 12], [4, 8], [5, 5], [6, 3], [7, 2], [8, 1.5], [10, 1], [12, 0.5]]);
const businessLines = weighted<number>([[1, 10], [2, 10], [3, 10], [4, 10], [5, 10], [6, 10], [8, 12], [10, 10], [12, 8], [16, 6], [20, 4]]);
const personQuantities = weighted<number>([[1, 70], [2, 18], [3, 6], [4, 3], [6, 2], [12, 1]]);
const businessQuantities = weighted<number>([[1, 10], [2, 15], [4, 10], [6, 20], [12, 25], [24, 15], [48, 5]]);
const methods = weighted<PaymentMethod>([['card', 70], ['wallet', 15], ['bank-transfer', 7], ['voucher', 3], ['cash', 3], ['other', 2]]);
const cancellationReasons = ['changed mind', 'out of stock', 'payment failed', 'ordered twice', 'delivery too slow'];
const refundReasons = ['late delivery', 'goodwill gesture', 'price match', 'damaged packaging', 'missing item'];

// Scratch space for the basket being built: the generator is single-threaded and builds one order at a time.
const maxLines = 64;
const basket = new Int32Array(maxLines);
const basketQuantities = new Int32Array(maxLines);
const basketPrices = new Int32Array(maxLines);

function inBasket(product: number, lineCount: number): boolean {
  for (let i = 0; i < lineCount; i++) if (basket[i] === product) return true;
  return false;
}

/** Share of orders paid within minutes (the payment is the party's next event); some others are paid later. */
export const paidAtOnce = 0.7;

export function orderPlaced(ctx: HistoryContext, party: number, time: number): JsonObject {
  const { table, random, catalogue } = ctx;
  const business = isBusiness(ctx.key, party, kindAtRegistration(ctx.key, party));
  const lineCount = drawFrom(random, business ? businessLines : personLines);
  const quantities = business ? businessQuantities : personQuantities;
  const currencyIndex = ctx.currencyOfCountry[table.country[party]];
  const currency = currencies[currencyIndex];
  const lines: JsonObject[] = [];
  let total = 0;
  for (let i = 0; i < lineCount; i++) {
    let product = catalogue.popularAt(random.next());
    // A basket holds each product once: a best-seller drawn twice is drawn again (twice at most).
    for (let retry = 0; retry < 2 && inBasket(product, lines.length); retry++) product = catalogue.popularAt(random.next());
    if (inBasket(product, lines.length)) continue;
    const { productId, sku, category, description } = catalogue.products[product];
    const quantity = drawFrom(random, quantities);
    const price = catalogue.priceOf(product, currencyIndex);
    basket[lines.length] = product;
    basketQuantities[lines.length] = quantity;
    basketPrices[lines.length] = price;
    lines.push({ productId, sku, category, description, quantity, unitPrice: amountOf(price), currency });
    total += quantity * price;
  }
  // The line a later return would send back.
  const returnable = random.below(lines.length);
  table.returnableProduct[party] = basket[returnable];
  table.returnableQuantity[party] = basketQuantities[returnable];
  table.returnablePrice[party] = basketPrices[returnable];
  const orderNumber = ctx.sequence.order++;
  table.lastOrder[party] = orderNumber;
  table.lastOrderTime[party] = time;
  table.lastOrderCurrency[party] = currencyIndex;
  table.lastOrderTotal[party] = total;
  table.orderFlags[party] = 0;
  if (random.chance(paidAtOnce)) table.followUp[party] = followUp.payment;
  return { orderId: orderIdOf(orderNumber), channel: drawFrom(random, channels), lines };
}

/** Order numbers look like the Online Retail data set's invoice numbers. */
export function orderIdOf(orderNumber: number): string {
  return `${500_000 + orderNumber}`;
}

/** Pays the party's last order in full (see canRecord: unpaid, not cancelled). */
export function paymentCaptured(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  table.orderFlags[party] |= orderFlag.paid;
  return {
    paymentId: `pay-${ctx.sequence.payment++}`,
    orderId: orderIdOf(table.lastOrder[party]),
    amount: amountOf(table.lastOrderTotal[party]),
    currency: currencies[table.lastOrderCurrency[party]],
    method: drawFrom(random, methods),
  };
}

export function orderCancelled(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  table.orderFlags[party] |= orderFlag.cancelled;
  return { orderId: orderIdOf(table.lastOrder[party]), reason: random.pick(cancellationReasons) };
}

/** Money back on the last (paid) order: all of it when the order was cancelled, a gesture otherwise. */
export function refundIssued(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  const flags = table.orderFlags[party];
  table.orderFlags[party] = flags | orderFlag.refunded;
  const total = table.lastOrderTotal[party];
  const cancelled = (flags & orderFlag.cancelled) !== 0;
  const amount = cancelled ? total : Math.max(1, Math.round(total * (0.1 + 0.4 * random.next())));
  return {
    refundId: `ref-${ctx.sequence.refund++}`,
    orderId: orderIdOf(table.lastOrder[party]),
    amount: amountOf(amount),
    currency: currencies[table.lastOrderCurrency[party]],
    reason: cancelled ? 'order cancelled' : random.pick(refundReasons),
  };
}
