import {
  ComplaintOpenedData,
  ConsentGrantedData,
  OrderPlacedData,
  RecordedEvent,
  ReturnRequestedData,
} from '@cdp/event-model';
import { ComplaintFact, consentKey, ReturnFact, SuppressionFacts } from './suppression-facts';

/** The event types the suppression rule reads; the fold ignores every other. */
export const suppressionEventTypes = [
  'OrderPlaced',
  'ReturnRequested',
  'ReturnRefunded',
  'ReturnRejected',
  'ComplaintOpened',
  'ComplaintEscalated',
  'ComplaintResolved',
  'ConsentGranted',
  'ConsentWithdrawn',
] as const;

type Event = Pick<RecordedEvent, 'eventId' | 'type' | 'data' | 'metadata'>;

/**
 * The facts after one more event of the customer, in log order and upcast to its current version. Pure, and
 * tolerant of order: a refund folded before its request is completed by the request.
 */
export function evolveSuppressionFacts(facts: SuppressionFacts, event: Event): SuppressionFacts {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'OrderPlaced':
      return withCategories(facts, event.data as unknown as OrderPlacedData);
    case 'ReturnRequested': {
      const { returnId, productId, sku } = event.data as unknown as ReturnRequestedData;
      return withReturn(facts, returnId, event.eventId, (entry) => ({ ...entry, productId, sku: sku ?? null, requestedAt: at }));
    }
    case 'ReturnRefunded':
    case 'ReturnRejected': {
      const outcome = event.type === 'ReturnRefunded' ? 'refunded' : 'rejected';
      return withReturn(facts, String(event.data.returnId), event.eventId, (entry) => ({
        ...entry,
        closedAt: entry.closedAt === null || Date.parse(at) >= Date.parse(entry.closedAt) ? at : entry.closedAt,
        // Money moved: a refund after a rejection makes the return refunded.
        outcome: entry.outcome === 'refunded' ? 'refunded' : outcome,
      }));
    }
    case 'ComplaintOpened': {
      const { complaintId, productId } = event.data as unknown as ComplaintOpenedData;
      return withComplaint(facts, complaintId, event.eventId, (entry) => ({ ...entry, productId: productId ?? null, openedAt: at }));
    }
    case 'ComplaintEscalated':
      return withComplaint(facts, String(event.data.complaintId), event.eventId, (entry) => entry);
    case 'ComplaintResolved':
      return withComplaint(facts, String(event.data.complaintId), event.eventId, (entry) => ({
        ...entry,
        resolvedAt: entry.resolvedAt === null || Date.parse(at) >= Date.parse(entry.resolvedAt) ? at : entry.resolvedAt,
      }));
    case 'ConsentGranted':
    case 'ConsentWithdrawn': {
      const { channel, purpose } = event.data as unknown as ConsentGrantedData;
      const key = consentKey(channel, purpose);
      const current = facts.consents[key];
      if (current !== undefined && Date.parse(at) < Date.parse(current.at)) return facts;
      return { ...facts, consents: { ...facts.consents, [key]: { granted: event.type === 'ConsentGranted', at, eventId: event.eventId } } };
    }
    default:
      return facts;
  }
}

function withCategories(facts: SuppressionFacts, order: OrderPlacedData): SuppressionFacts {
  const learned = order.lines.filter((line) => line.category !== undefined);
  if (learned.length === 0) return facts;
  const categories = { ...facts.categories };
  for (const line of learned) {
    categories[line.productId] = line.category as string;
    categories[line.sku] = line.category as string;
  }
  return { ...facts, categories };
}

function withReturn(facts: SuppressionFacts, returnId: string, eventId: string, change: (entry: ReturnFact) => ReturnFact): SuppressionFacts {
  const entry = facts.returns[returnId] ?? { returnId, productId: null, sku: null, requestedAt: null, closedAt: null, outcome: null, eventIds: [] };
  const changed = change({ ...entry, eventIds: entry.eventIds.includes(eventId) ? entry.eventIds : [...entry.eventIds, eventId] });
  return { ...facts, returns: { ...facts.returns, [returnId]: changed } };
}

function withComplaint(facts: SuppressionFacts, complaintId: string, eventId: string, change: (entry: ComplaintFact) => ComplaintFact): SuppressionFacts {
  const entry = facts.complaints[complaintId] ?? { complaintId, productId: null, openedAt: null, resolvedAt: null, eventIds: [] };
  const changed = change({ ...entry, eventIds: entry.eventIds.includes(eventId) ? entry.eventIds : [...entry.eventIds, eventId] });
  return { ...facts, complaints: { ...facts.complaints, [complaintId]: changed } };
}
