import { customerStream, eventCatalogue, JsonObject, RecordedEvent } from '@cdp/event-model';

export interface EventOptions {
  eventId?: string;
  schemaVersion?: number;
  /** When the store accepted it; defaults to occurredAt. */
  recordedAt?: string;
}

/**
 * Recorded events of one customer stream, in log order: each call gets the next position and revision.
 * `event('OrderPlaced', {...}, '2011-01-05T10:00:00Z')`. Pass `log` to share positions between customers.
 */
export function customerEvents(customerId = '17850', log: { position: number } = { position: 0 }) {
  let revision = -1;
  return function event(type: string, data: object, occurredAt: string, options: EventOptions = {}): RecordedEvent {
    log.position += 1;
    revision += 1;
    return {
      eventId: options.eventId ?? `${customerId}-${log.position}`,
      type,
      schemaVersion: options.schemaVersion ?? eventCatalogue.currentVersion(type),
      streamId: customerStream(customerId),
      revision,
      position: String(log.position).padStart(20, '0'),
      data: data as JsonObject,
      metadata: {
        correlationId: `c-${log.position}`,
        causationId: `c-${log.position}`,
        occurredAt,
        recordedAt: options.recordedAt ?? occurredAt,
        source: { service: 'test' },
        actor: { kind: 'system', id: 'test' },
      },
    };
  };
}

/** A stand-in for a sealed personal value: the fold must copy it as it is, never open it. */
export const sealed = (name: string): string => `pii:v1:1:${Buffer.from(name).toString('base64url')}`;

/** An order line in GBP unless told otherwise. */
export function line(productId: string, quantity: number, unitPrice: number, extra: { category?: string; currency?: string; sku?: string } = {}) {
  const category = extra.category ? { category: extra.category } : {};
  return { productId, sku: extra.sku ?? productId, quantity, unitPrice, currency: extra.currency ?? 'GBP', ...category };
}
