import { Channel, ComplaintCategory, ComplaintResolution, complaintSeverities, JsonObject } from '@cdp/event-model';
import { complaintStage } from '../customer-table';
import { drawFrom, HistoryContext, weighted } from '../history-context';
import { orderIdOf } from './orders';

const channels = weighted<Channel>([['phone', 35], ['email', 30], ['chat', 15], ['web', 10], ['store', 5], ['social', 5]]);
const categoriesWithOrder = weighted<ComplaintCategory>([
  ['delivery', 30],
  ['product-quality', 25],
  ['service', 20],
  ['billing', 15],
  ['other', 7],
  ['privacy', 3],
]);
const categoriesWithoutOrder = weighted<ComplaintCategory>([['service', 60], ['other', 25], ['privacy', 15]]);
const severities = weighted<number>([[0, 40], [1, 40], [2, 15], [3, 5]]);
const descriptions: Readonly<Record<ComplaintCategory, readonly string[]>> = {
  delivery: ['The parcel arrived a week late.', 'The box was crushed on arrival.', 'The courier left the parcel in the rain.'],
  'product-quality': ['The handle broke on first use.', 'The colour faded after one wash.', 'Smaller than described.'],
  billing: ['I was charged twice for the same order.', 'The discount code was not applied.'],
  service: ['Nobody answered my emails for a week.', 'The store staff were rude.'],
  privacy: ['I keep receiving emails after unsubscribing.', 'Why do you hold my phone number?'],
  other: ['The website kept logging me out.'],
};
const teams = ['customer-care-lead', 'quality-team', 'logistics-partner-desk', 'billing-team', 'data-protection-officer'];
const resolutions = weighted<ComplaintResolution>([['explained', 30], ['refunded', 20], ['compensated', 15], ['replaced', 15], ['rejected', 10], ['repaired', 5], ['other', 5]]);
const resolutionNotes: Readonly<Record<ComplaintResolution, readonly string[]>> = {
  explained: ['Apologised and explained the delay.', 'Explained how the discount applies.'],
  refunded: ['Refund confirmed by email.'],
  compensated: ['Voucher of 10 GBP sent.', 'Free delivery on the next order.'],
  replaced: ['Replacement shipped by express delivery.'],
  rejected: ['Outside the warranty period.'],
  repaired: ['Repaired in store while the party waited.'],
  other: ['Passed on to the supplier.'],
};

function complaintIdOf(number: number): string {
  return `cmp-${number}`;
}

/** About the last order when the party has one and the complaint is about goods or money. */
export function complaintOpened(ctx: HistoryContext, party: number): JsonObject {
  const { table, random, catalogue } = ctx;
  const number = ctx.sequence.complaint++;
  const hasOrder = table.lastOrder[party] >= 0;
  const category = drawFrom(random, hasOrder ? categoriesWithOrder : categoriesWithoutOrder);
  const severity = drawFrom(random, severities);
  table.openComplaint[party] = number;
  table.complaintStage[party] = complaintStage.opened;
  table.complaintSeverity[party] = severity;
  const data: JsonObject = { complaintId: complaintIdOf(number), channel: drawFrom(random, channels), category, severity: complaintSeverities[severity] };
  if (hasOrder && (category === 'delivery' || category === 'product-quality' || category === 'billing')) {
    data.orderId = orderIdOf(table.lastOrder[party]);
    if (category === 'product-quality') data.productId = catalogue.products[table.returnableProduct[party]].productId;
  }
  if (random.chance(0.6)) data.description = random.pick(descriptions[category]);
  return data;
}

export function complaintEscalated(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  table.complaintStage[party] = complaintStage.escalated;
  const data: JsonObject = { complaintId: complaintIdOf(table.openComplaint[party]), escalatedTo: random.pick(teams) };
  const severity = table.complaintSeverity[party];
  if (severity < complaintSeverities.length - 1) {
    table.complaintSeverity[party] = severity + 1;
    data.severity = complaintSeverities[severity + 1];
  }
  return data;
}

export function complaintResolved(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  table.complaintStage[party] = complaintStage.none;
  const resolution = drawFrom(random, resolutions);
  const data: JsonObject = { complaintId: complaintIdOf(table.openComplaint[party]), resolution };
  if (random.chance(0.4)) data.note = random.pick(resolutionNotes[resolution]);
  return data;
}
