import { InteractionRecordedData, OrderPlacedData, RecordedEvent } from '@cdp/event-model';
import { maxWindowDays } from '../conditions/segment-condition';
import { behaviourCaps, BehaviourLog } from './behaviour-log';

const dayMs = 86_400_000;

/** The event types the behaviour log reads; the fold ignores every other. */
export const behaviourEventTypes = ['OrderPlaced', 'OrderCancelled', 'InteractionRecorded'] as const;

type Event = Pick<RecordedEvent, 'type' | 'data' | 'metadata'>;

/**
 * The log after one more event of the customer (log order, upcast). Pure: "recent" is measured from the newest
 * business time folded, never from a clock, so the same events always give the same log; windows are applied at
 * evaluation time against the clock. An order folded twice counts once; for the rest, the caller's position guard
 * keeps an event from being folded twice.
 */
export function evolveBehaviour(log: BehaviourLog, event: Event): BehaviourLog {
  const at = new Date(event.metadata.occurredAt).toISOString();
  switch (event.type) {
    case 'OrderPlaced':
      return pruned(withOrder(log, event.data as unknown as OrderPlacedData, at), at);
    case 'OrderCancelled': {
      const orderId = String(event.data.orderId);
      return log.orders.some((order) => order.orderId === orderId) ? { ...log, orders: log.orders.filter((order) => order.orderId !== orderId) } : log;
    }
    case 'InteractionRecorded':
      return pruned(withInteraction(log, event.data as unknown as InteractionRecordedData, at), at);
    default:
      return log;
  }
}

function withOrder(log: BehaviourLog, order: OrderPlacedData, at: string): BehaviourLog {
  if (log.orders.some((known) => known.orderId === order.orderId)) return log;
  const products = new Set<string>();
  const categories = new Set<string>();
  for (const line of order.lines) {
    products.add(line.productId);
    products.add(line.sku);
    if (line.category !== undefined) categories.add(line.category);
  }
  const entry = { orderId: order.orderId, at, products: [...products].sort(), categories: [...categories].sort() };
  return { ...log, orders: newestFirst([...log.orders, entry], (item) => item.at).slice(0, behaviourCaps.orders) };
}

function withInteraction(log: BehaviourLog, interaction: InteractionRecordedData, at: string): BehaviourLog {
  const current = log.interactions[interaction.channel] ?? { inbound: [], outbound: [] };
  const direction = interaction.direction === 'outbound' ? 'outbound' : 'inbound';
  const channel = { ...current, [direction]: insertNewestFirst(current[direction], at, behaviourCaps.interactionsPerChannel) };
  const response = campaignResponseOf(interaction, at);
  return {
    ...log,
    interactions: { ...log.interactions, [interaction.channel]: channel },
    campaignResponses: response
      ? newestFirst([...log.campaignResponses, response], (item) => item.at).slice(0, behaviourCaps.campaignResponses)
      : log.campaignResponses,
  };
}

/** An interaction of kind `…-opened` or `…-clicked` that names a campaign is a response to it. */
function campaignResponseOf(interaction: InteractionRecordedData, at: string): BehaviourLog['campaignResponses'][number] | null {
  if (interaction.campaignId === undefined) return null;
  if (interaction.kind.endsWith('-opened')) return { campaignId: interaction.campaignId, action: 'opened', at };
  if (interaction.kind.endsWith('-clicked')) return { campaignId: interaction.campaignId, action: 'clicked', at };
  return null;
}

/** Drops what no window can reach any more: entries older than the window limit before the newest business time. */
function pruned(log: BehaviourLog, at: string): BehaviourLog {
  const newestAt = log.newestAt === null || at > log.newestAt ? at : log.newestAt;
  const horizon = new Date(Date.parse(newestAt) - maxWindowDays * dayMs).toISOString();
  const keep = (instant: string) => instant >= horizon;
  const interactions: BehaviourLog['interactions'] = {};
  for (const [channel, { inbound, outbound }] of Object.entries(log.interactions)) {
    const kept = { inbound: inbound.filter(keep), outbound: outbound.filter(keep) };
    if (kept.inbound.length + kept.outbound.length > 0) interactions[channel] = kept;
  }
  return {
    newestAt,
    orders: log.orders.filter((order) => keep(order.at)),
    interactions,
    campaignResponses: log.campaignResponses.filter((response) => keep(response.at)),
  };
}

function insertNewestFirst(instants: string[], at: string, cap: number): string[] {
  let index = 0;
  while (index < instants.length && instants[index] > at) index++;
  return [...instants.slice(0, index), at, ...instants.slice(index)].slice(0, cap);
}

function newestFirst<T>(items: T[], at: (item: T) => string): T[] {
  return items.sort((a, b) => (at(a) > at(b) ? -1 : at(a) < at(b) ? 1 : 0));
}
