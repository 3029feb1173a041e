import { randomUUID } from 'node:crypto';
import { JsonObject, NewEvent, RecordedEvent } from '@cdp/event-model';
import { EventStore, Position } from '@cdp/event-store';
import { ProjectionDefinition } from '../projection-definition';

/**
 * A small shop to exercise the engine: customers join, buy and leave. The event types are the tests' own
 * (the catalogue passes unknown types through untouched), so no real schema constrains the data.
 */
export const shopEventTypes = {
  joined: 'TestCustomerJoined',
  bought: 'TestItemBought',
  left: 'TestCustomerLeft',
  noise: 'TestNoiseRecorded',
} as const;

export interface ShopFact {
  type: string;
  data: JsonObject;
}

export const joined = (customerId: string, name: string): ShopFact => ({ type: shopEventTypes.joined, data: { customerId, name } });
export const bought = (customerId: string, amount: number, sku?: string): ShopFact => ({
  type: shopEventTypes.bought,
  data: sku === undefined ? { customerId, amount } : { customerId, amount, sku },
});
export const left = (customerId: string): ShopFact => ({ type: shopEventTypes.left, data: { customerId } });
export const noise = (customerId: string): ShopFact => ({ type: shopEventTypes.noise, data: { customerId } });

export function newShopEvent(fact: ShopFact, occurredAt = '2026-01-05T10:00:00.000Z'): NewEvent {
  return {
    eventId: randomUUID(),
    type: fact.type,
    schemaVersion: 1,
    data: fact.data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt,
      source: { service: 'engine-test' },
      actor: { kind: 'system', id: 'engine-test' },
    },
  };
}

/** The event as a store would hand it back, at `position` (a number, formatted as the embedded store does). */
export function recordedShopEvent(fact: ShopFact, position: number): RecordedEvent {
  const event = newShopEvent(fact);
  return {
    ...event,
    streamId: `customer-${String(fact.data.customerId)}`,
    revision: 0,
    position: String(position).padStart(20, '0'),
    metadata: { ...event.metadata, recordedAt: '2026-01-05T10:00:01.000Z' },
  };
}

export interface Basket extends JsonObject {
  name: string | null;
  items: number;
  total: number;
}

/** One document per customer; leaving deletes it. Buying before joining starts a nameless basket. */
export const customerBaskets: ProjectionDefinition<Basket> = {
  name: 'customer-baskets',
  version: 1,
  collection: { name: 'customer_baskets_v1', indexes: [] },
  eventTypes: [shopEventTypes.joined, shopEventTypes.bought, shopEventTypes.left],
  documentIdOf: (event) => String(event.data.customerId),
  evolve(current, event) {
    const basket = current ?? { name: null, items: 0, total: 0 };
    switch (event.type) {
      case shopEventTypes.joined:
        return { ...basket, name: String(event.data.name) };
      case shopEventTypes.bought:
        return { ...basket, items: basket.items + 1, total: basket.total + Number(event.data.amount) };
      default:
        return null;
    }
  },
};

export interface SkuSales extends JsonObject {
  sold: number;
  revenue: number;
}

/**
 * Sales per product; purchases without a sku belong to no document. With `rejectNegative`, a negative amount
 * is a poison event (mutable, so a test can "deploy the fix").
 */
export function skuSales(rules = { rejectNegative: true }): ProjectionDefinition<SkuSales> {
  return {
    name: 'sku-sales',
    version: 1,
    collection: { name: 'sku_sales_v1', indexes: [] },
    eventTypes: [shopEventTypes.bought],
    documentIdOf: (event) => (typeof event.data.sku === 'string' ? event.data.sku : null),
    evolve(current, event) {
      const amount = Number(event.data.amount);
      if (rules.rejectNegative && amount < 0) throw new RangeError(`a sale cannot have a negative amount (${amount})`);
      const sales = current ?? { sold: 0, revenue: 0 };
      return { sold: sales.sold + 1, revenue: sales.revenue + amount };
    },
  };
}

/** Appends each fact to its customer's stream, in order; returns their positions. */
export async function appendFacts(eventStore: EventStore, facts: readonly ShopFact[]): Promise<Position[]> {
  const positions: Position[] = [];
  for (const fact of facts) {
    const { position } = await eventStore.appendToStream(`customer-${String(fact.data.customerId)}`, [newShopEvent(fact)]);
    positions.push(position);
  }
  return positions;
}
