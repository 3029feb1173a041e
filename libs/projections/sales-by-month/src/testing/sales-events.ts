import { customerStream, eventCatalogue, JsonObject, RecordedEvent } from '@cdp/event-model';

/** Recorded events in log order, across customers: each call gets the next position. */
export function salesEvents() {
  let position = 0;
  return function event(type: string, data: object, occurredAt: string, customerId = '17850'): RecordedEvent {
    position += 1;
    return {
      eventId: `event-${position}`,
      type,
      schemaVersion: eventCatalogue.currentVersion(type),
      streamId: customerStream(customerId),
      revision: 0,
      position: String(position).padStart(20, '0'),
      data: data as JsonObject,
      metadata: {
        correlationId: `c-${position}`,
        causationId: `c-${position}`,
        occurredAt,
        recordedAt: occurredAt,
        source: { service: 'test' },
        actor: { kind: 'system', id: 'test' },
      },
    };
  };
}

export function line(quantity: number, unitPrice: number, currency = 'GBP') {
  return { productId: 'p', sku: 'p', quantity, unitPrice, currency };
}
