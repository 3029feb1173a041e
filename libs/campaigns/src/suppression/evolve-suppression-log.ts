import { OrderPlacedData, RecordedEvent } from '@cdp/event-model';
import { SuppressionEntry, SuppressionEventType, SuppressionLog } from './suppression-log';

type Event = Pick<RecordedEvent, 'eventId' | 'type' | 'data' | 'metadata' | 'position'>;

const fieldsByType: Record<SuppressionEventType, readonly (keyof SuppressionEntry)[]> = {
  ReturnRequested: ['returnId', 'productId', 'sku'],
  ReturnRefunded: ['returnId'],
  ReturnRejected: ['returnId'],
  ComplaintOpened: ['complaintId', 'productId'],
  ComplaintEscalated: ['complaintId'],
  ComplaintResolved: ['complaintId'],
  ConsentGranted: ['channel', 'purpose'],
  ConsentWithdrawn: ['channel', 'purpose'],
};

/** The log after one more event of the customer (log order, upcast). Pure; an event id folded twice is kept once. */
export function evolveSuppressionLog(log: SuppressionLog, event: Event): SuppressionLog {
  if (event.type === 'OrderPlaced') return withCategories(log, event.data as unknown as OrderPlacedData);
  const fields = fieldsByType[event.type as SuppressionEventType];
  if (fields === undefined || log.entries.some((entry) => entry.eventId === event.eventId)) return log;
  const entry: SuppressionEntry = {
    eventId: event.eventId,
    type: event.type as SuppressionEventType,
    at: new Date(event.metadata.occurredAt).toISOString(),
    position: event.position,
  };
  for (const field of fields) {
    const value = event.data[field];
    if (typeof value === 'string') (entry as Record<string, string>)[field] = value;
  }
  return { ...log, entries: [...log.entries, entry] };
}

function withCategories(log: SuppressionLog, order: OrderPlacedData): SuppressionLog {
  let categories = log.categories;
  for (const line of order.lines) {
    if (line.category === undefined) continue;
    for (const id of [line.productId, line.sku]) {
      if (categories[id] !== line.category) categories = { ...categories, [id]: line.category };
    }
  }
  return categories === log.categories ? log : { ...log, categories };
}
