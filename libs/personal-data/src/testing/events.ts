import { randomUUID } from 'node:crypto';
import { JsonObject, NewEvent } from '@cdp/event-model';

export function newEvent(type: string, data: JsonObject, schemaVersion = 1): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2011-12-01T08:26:00.000Z',
      source: { service: 'personal-data-test' },
      actor: { kind: 'service', id: 'personal-data-test' },
    },
  };
}

export const profileUpdated = (data: JsonObject) => newEvent('CustomerProfileUpdated', data, 2);
