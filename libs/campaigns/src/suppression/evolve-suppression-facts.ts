import { ComplaintFact, consentKey, ReturnFact, SuppressionFacts } from './suppression-facts';
import { SuppressionEntry } from './suppression-log';

/**
 * The facts after one more entry of the customer's log, in log order. Pure, and tolerant of order: a refund folded
 * before its request is completed by the request.
 */
export function evolveSuppressionFacts(facts: SuppressionFacts, entry: SuppressionEntry): SuppressionFacts {
  const { at, eventId } = entry;
  switch (entry.type) {
    case 'ReturnRequested':
      return withReturn(facts, entry.returnId as string, eventId, (fact) => ({
        ...fact,
        productId: entry.productId ?? null,
        sku: entry.sku ?? null,
        requestedAt: at,
      }));
    case 'ReturnRefunded':
    case 'ReturnRejected': {
      const outcome = entry.type === 'ReturnRefunded' ? 'refunded' : 'rejected';
      return withReturn(facts, entry.returnId as string, eventId, (fact) => ({
        ...fact,
        closedAt: fact.closedAt === null || at >= fact.closedAt ? at : fact.closedAt,
        // Money moved: a refund after a rejection makes the return refunded.
        outcome: fact.outcome === 'refunded' ? 'refunded' : outcome,
      }));
    }
    case 'ComplaintOpened':
      return withComplaint(facts, entry.complaintId as string, eventId, (fact) => ({ ...fact, productId: entry.productId ?? null, openedAt: at }));
    case 'ComplaintEscalated':
      return withComplaint(facts, entry.complaintId as string, eventId, (fact) => fact);
    case 'ComplaintResolved':
      return withComplaint(facts, entry.complaintId as string, eventId, (fact) => ({
        ...fact,
        resolvedAt: fact.resolvedAt === null || at >= fact.resolvedAt ? at : fact.resolvedAt,
      }));
    case 'ConsentGranted':
    case 'ConsentWithdrawn': {
      const key = consentKey(entry.channel as string, entry.purpose as string);
      const current = facts.consents[key];
      if (current !== undefined && at < current.at) return facts;
      return { ...facts, consents: { ...facts.consents, [key]: { granted: entry.type === 'ConsentGranted', at, eventId } } };
    }
  }
}

function withReturn(facts: SuppressionFacts, returnId: string, eventId: string, change: (fact: ReturnFact) => ReturnFact): SuppressionFacts {
  const fact = facts.returns[returnId] ?? { returnId, productId: null, sku: null, requestedAt: null, closedAt: null, outcome: null, eventIds: [] };
  const changed = change({ ...fact, eventIds: fact.eventIds.includes(eventId) ? fact.eventIds : [...fact.eventIds, eventId] });
  return { ...facts, returns: { ...facts.returns, [returnId]: changed } };
}

function withComplaint(facts: SuppressionFacts, complaintId: string, eventId: string, change: (fact: ComplaintFact) => ComplaintFact): SuppressionFacts {
  const fact = facts.complaints[complaintId] ?? { complaintId, productId: null, openedAt: null, resolvedAt: null, eventIds: [] };
  const changed = change({ ...fact, eventIds: fact.eventIds.includes(eventId) ? fact.eventIds : [...fact.eventIds, eventId] });
  return { ...facts, complaints: { ...facts.complaints, [complaintId]: changed } };
}
