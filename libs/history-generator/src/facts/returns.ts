import { Channel, JsonObject, ReturnCondition, ReturnReason } from '@cdp/event-model';
import { orderFlag, returnStage } from '../customer-table';
import { amountOf, drawFrom, HistoryContext, weighted } from '../history-context';
import { currencies } from '../world/places';
import { orderIdOf } from './orders';

const reasons = weighted<ReturnReason>([
  ['no-longer-needed', 30],
  ['damaged', 18],
  ['not-as-described', 16],
  ['defective', 14],
  ['wrong-item', 12],
  ['other', 10],
]);
const channels = weighted<Channel>([['web', 70], ['store', 20], ['phone', 6], ['chat', 4]]);
const conditions = weighted<ReturnCondition>([['as-new', 45], ['opened', 35], ['damaged', 15], ['unsellable', 5]]);
const comments = ['Too small.', 'The colour is not the one on the website.', 'Arrived broken.', 'Bought it twice by mistake.', 'Stopped working after a week.'];
const rejections = ['returned after the 30-day window', 'item used', 'item not from this order', 'missing parts'];

/** Some units of one line of the party's last order (see canRecord: not cancelled, not returned yet). */
export function returnRequested(ctx: HistoryContext, party: number): JsonObject {
  const { table, random, catalogue } = ctx;
  const number = ctx.sequence.return++;
  const ordered = table.returnableQuantity[party];
  const quantity = ordered === 1 || random.chance(0.7) ? 1 : random.between(1, ordered);
  const { productId, sku } = catalogue.products[table.returnableProduct[party]];
  table.orderFlags[party] |= orderFlag.returned;
  table.openReturn[party] = number;
  table.returnStage[party] = returnStage.requested;
  table.returnAmount[party] = quantity * table.returnablePrice[party];
  table.returnCurrency[party] = table.lastOrderCurrency[party];
  const data: JsonObject = {
    returnId: returnIdOf(number),
    orderId: orderIdOf(table.lastOrder[party]),
    productId,
    sku,
    quantity,
    reason: drawFrom(random, reasons),
    channel: drawFrom(random, channels),
  };
  if (random.chance(0.1)) data.comment = random.pick(comments);
  return data;
}

function returnIdOf(number: number): string {
  return `ret-${number}`;
}

export function returnReceived(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  table.returnStage[party] = returnStage.received;
  return { returnId: returnIdOf(table.openReturn[party]), condition: drawFrom(random, conditions) };
}

export function returnRefunded(ctx: HistoryContext, party: number): JsonObject {
  const { table } = ctx;
  table.returnStage[party] = returnStage.none;
  return {
    returnId: returnIdOf(table.openReturn[party]),
    amount: amountOf(table.returnAmount[party]),
    currency: currencies[table.returnCurrency[party]],
  };
}

export function returnRejected(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  table.returnStage[party] = returnStage.none;
  return { returnId: returnIdOf(table.openReturn[party]), reason: random.pick(rejections) };
}
