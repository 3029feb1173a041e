import { Channel, Direction, JsonObject } from '@cdp/event-model';
import { HistoryContext } from '../history-context';
import { WeightedTable } from '../seeded-random';

interface InteractionTemplate {
  channel: Channel;
  direction: Direction;
  kind: string;
  /** Chance that it names a product (drawn by popularity). */
  product: number;
  /** Whether it belongs to a marketing campaign. */
  campaign: boolean;
  /** Chance of an agent's note (personal free text). */
  note: number;
}

/** [weight, template]: web browsing first, then email campaigns, store visits, calls, chats. */
const templates: readonly (readonly [number, InteractionTemplate])[] = [
  [22, { channel: 'web', direction: 'inbound', kind: 'page-viewed', product: 0, campaign: false, note: 0 }],
  [16, { channel: 'web', direction: 'inbound', kind: 'product-viewed', product: 1, campaign: false, note: 0 }],
  [4, { channel: 'web', direction: 'inbound', kind: 'cart-abandoned', product: 1, campaign: false, note: 0 }],
  [3, { channel: 'web', direction: 'inbound', kind: 'search', product: 0, campaign: false, note: 0 }],
  [10, { channel: 'email', direction: 'outbound', kind: 'email-sent', product: 0, campaign: true, note: 0 }],
  [9, { channel: 'email', direction: 'inbound', kind: 'email-opened', product: 0, campaign: true, note: 0 }],
  [5, { channel: 'email', direction: 'inbound', kind: 'email-clicked', product: 0.5, campaign: true, note: 0 }],
  [4, { channel: 'sms', direction: 'outbound', kind: 'sms-sent', product: 0, campaign: true, note: 0 }],
  [1, { channel: 'sms', direction: 'inbound', kind: 'sms-replied', product: 0, campaign: true, note: 0 }],
  [7, { channel: 'store', direction: 'inbound', kind: 'visit', product: 0.3, campaign: false, note: 0 }],
  [4, { channel: 'phone', direction: 'inbound', kind: 'call', product: 0, campaign: false, note: 0.15 }],
  [1.5, { channel: 'phone', direction: 'outbound', kind: 'call', product: 0, campaign: true, note: 0.1 }],
  [4, { channel: 'chat', direction: 'inbound', kind: 'chat-started', product: 0.2, campaign: false, note: 0.1 }],
  [3, { channel: 'social', direction: 'inbound', kind: 'social-mention', product: 0, campaign: false, note: 0 }],
  [1.5, { channel: 'social', direction: 'outbound', kind: 'social-reply', product: 0, campaign: false, note: 0 }],
  [1, { channel: 'letter', direction: 'outbound', kind: 'catalogue-sent', product: 0, campaign: true, note: 0 }],
];
const templateTable = new WeightedTable(templates.map(([weight]) => weight));

const notes = [
  'Asked when the parcel will arrive.',
  'Wants to change the delivery address of the next order.',
  'Interested in the new collection, call back next week.',
  'Asked for a paper catalogue.',
  'Called about an invoice, sent a copy by email.',
  'Prefers to be contacted in the morning.',
  'Looking for a gift, recommended the gift sets.',
];

/** A contact on a channel. Campaigns are named by month, a few a month: `campaign-2024-03-2`. */
export function interactionRecorded(ctx: HistoryContext, _party: number, occurredAt: string): JsonObject {
  const { random, catalogue } = ctx;
  const template = templates[templateTable.draw(random)][1];
  const data: JsonObject = { channel: template.channel, direction: template.direction, kind: template.kind };
  if (template.product > 0 && (template.product >= 1 || random.chance(template.product))) {
    data.productId = catalogue.products[catalogue.popularAt(random.next())].productId;
  }
  if (template.campaign) data.campaignId = `campaign-${occurredAt.slice(0, 7)}-${1 + random.below(4)}`;
  if (template.note > 0 && random.chance(template.note)) data.note = random.pick(notes);
  return data;
}
