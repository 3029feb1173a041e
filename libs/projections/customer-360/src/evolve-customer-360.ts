import { eventCatalogue, parseStreamName, RecordedEvent } from '@cdp/event-model';
import { Customer360Document, emptyCustomer360 } from './customer-360-document';
import { Customer360Event, readCustomer360Event } from './customer-360-event';
import { assertValidRules, Customer360Rules } from './customer-360-rules';
import { laterOf } from './business-time';
import { derivedFields } from './derived-fields';
import { foldComplaintEscalated, foldComplaintOpened, foldComplaintResolved } from './fold-complaints';
import { foldConsent } from './fold-consents';
import { foldIdentityLinked } from './fold-identities';
import { foldInteraction } from './fold-interactions';
import { foldOrderCancelled, foldOrderPlaced, foldPaymentCaptured, foldRefundIssued } from './fold-orders';
import { foldPartyKindChange, foldRegistration } from './fold-party';
import { foldProfileUpdate } from './fold-profile';
import { foldReturnReceived, foldReturnRefunded, foldReturnRejected, foldReturnRequested } from './fold-returns';
import { activityAfter, isRecentlyFolded } from './recent-activity';
import { UnfoldableEventError } from './unfoldable-event-error';

/** The customer id of a stream `customer-<id>`, null for any other stream. */
export function customerIdOfStream(streamId: string): string | null {
  const stream = parseStreamName(streamId);
  return stream?.category === 'customer' ? stream.id : null;
}

export type Customer360Evolve = (current: Customer360Document | null, event: RecordedEvent) => Customer360Document;

/**
 * The one fold of the 360° view: the projection, the time-travel fold and the tests all use it. Pure: time comes
 * from the events' business time, never from a clock. Events of an old schema version are upcast first.
 * @throws UnfoldableEventError for an event whose data the view cannot fold (poison).
 */
export function customer360Evolve(rules: Customer360Rules): Customer360Evolve {
  assertValidRules(rules);
  return (current, recorded) => {
    const customerId = customerIdOfStream(recorded.streamId);
    if (customerId === null) throw new UnfoldableEventError('customer-360', recorded, `${recorded.streamId} is not a customer stream`);
    const event = readCustomer360Event(eventCatalogue.upcast(recorded));
    const before = current ?? emptyCustomer360(customerId);
    // The engine folds each event once; should one come again (a replay after a crash), it changes nothing.
    if (isRecentlyFolded(before, event.eventId)) return before;
    const folded = foldFact(before, event, rules);
    const next: Customer360Document = {
      ...folded,
      lastEventAt: laterOf(before.lastEventAt, event.occurredAt),
      recentActivity: activityAfter(before.recentActivity, event),
    };
    // `next` is this call's own new object: completing it in place keeps the fold pure and spares a copy.
    return Object.assign(next, derivedFields(next, rules, current ?? undefined));
  };
}

function foldFact(doc: Customer360Document, event: Customer360Event, rules: Customer360Rules): Customer360Document {
  switch (event.type) {
    case 'CustomerRegistered':
      return foldRegistration(doc, event);
    case 'PartyKindChanged':
      return foldPartyKindChange(doc, event);
    case 'CustomerProfileUpdated':
      return foldProfileUpdate(doc, event);
    case 'IdentityLinked':
      return foldIdentityLinked(doc, event);
    case 'ConsentGranted':
    case 'ConsentWithdrawn':
      return foldConsent(doc, event);
    case 'OrderPlaced':
      return foldOrderPlaced(doc, event, rules.reportingCurrency);
    case 'OrderCancelled':
      return foldOrderCancelled(doc, event);
    case 'PaymentCaptured':
      return foldPaymentCaptured(doc, event);
    case 'RefundIssued':
      return foldRefundIssued(doc, event);
    case 'ReturnRequested':
      return foldReturnRequested(doc, event);
    case 'ReturnReceived':
      return foldReturnReceived(doc, event);
    case 'ReturnRefunded':
      return foldReturnRefunded(doc, event);
    case 'ReturnRejected':
      return foldReturnRejected(doc, event);
    case 'ComplaintOpened':
      return foldComplaintOpened(doc, event);
    case 'ComplaintEscalated':
      return foldComplaintEscalated(doc, event);
    case 'ComplaintResolved':
      return foldComplaintResolved(doc, event);
    case 'InteractionRecorded':
      return foldInteraction(doc, event);
  }
}
