import { eventCatalogue, RecordedEvent, UnknownSchemaVersionError } from '@cdp/event-model';
import { Customer360Event, isCustomer360EventType, readCustomer360Event } from './customer-360-event';
import { amountsOfLines, describeAmounts } from './money';
import { UnfoldableEventError } from './unfoldable-event-error';

/**
 * A short sentence about the event for the customer's timeline, e.g. "Order 536365: 2 lines, 35.64 GBP".
 * It holds ids, codes and amounts only: no personal field, and no free text of any kind (reasons included).
 * Never throws: a timeline shows an event the view cannot read by its type and what is wrong with it.
 */
export function summariseEvent(event: RecordedEvent): string {
  try {
    const current = eventCatalogue.upcast(event);
    return isCustomer360EventType(current.type) ? summaryOf(readCustomer360Event(current)) : `${current.type} (not summarised)`;
  } catch (error) {
    if (error instanceof UnfoldableEventError) return `${event.type} (unreadable: ${error.problem})`;
    if (error instanceof UnknownSchemaVersionError) return `${event.type} (unreadable: ${error.message})`;
    throw error;
  }
}

const optional = (label: string, value: string | undefined): string => (value === undefined ? '' : ` ${label} ${value}`);

export function summaryOf(event: Customer360Event): string {
  switch (event.type) {
    case 'CustomerRegistered':
      return `Registered as ${event.data.partyKind}${optional('via', event.data.acquisitionChannel)}`;
    case 'CustomerProfileUpdated':
      return `Profile updated: ${changedProfileFields(event.data).join(', ') || 'no field'}`;
    case 'IdentityLinked':
      return `Identifier linked: ${event.data.kind}${event.data.system === undefined ? '' : ` (${event.data.system})`}`;
    case 'PartyKindChanged':
      return `Party kind changed: ${event.data.from ?? 'unknown'} → ${event.data.to}`;
    case 'InteractionRecorded':
      return `Interaction: ${event.data.direction} ${event.data.channel} ${event.data.kind}` +
        `${optional('about product', event.data.productId)}${optional('from campaign', event.data.campaignId)}`;
    case 'OrderPlaced': {
      const count = event.data.lines.length;
      return `Order ${event.data.orderId}: ${count} ${count === 1 ? 'line' : 'lines'}, ${describeAmounts(amountsOfLines(event.data.lines))}`;
    }
    case 'OrderCancelled':
      return `Order ${event.data.orderId} cancelled`;
    case 'PaymentCaptured':
      return `Payment ${event.data.paymentId}: ${event.data.amount} ${event.data.currency}` +
        `${optional('by', event.data.method)}${optional('for order', event.data.orderId)}`;
    case 'RefundIssued':
      return `Refund ${event.data.refundId}: ${event.data.amount} ${event.data.currency}` +
        `${optional('for order', event.data.orderId)}${optional('for return', event.data.returnId)}`;
    case 'ReturnRequested':
      return `Return ${event.data.returnId} requested: ${event.data.quantity} × ${event.data.productId} (${event.data.reason})`;
    case 'ReturnReceived':
      return `Return ${event.data.returnId} received${event.data.condition === undefined ? '' : ` (${event.data.condition})`}`;
    case 'ReturnRefunded':
      return `Return ${event.data.returnId} refunded: ${event.data.amount} ${event.data.currency}`;
    case 'ReturnRejected':
      return `Return ${event.data.returnId} rejected`;
    case 'ComplaintOpened':
      return `Complaint ${event.data.complaintId} opened: ${event.data.category}, ${event.data.severity}`;
    case 'ComplaintEscalated':
      return `Complaint ${event.data.complaintId} escalated` +
        `${optional('to', event.data.escalatedTo)}${event.data.severity === undefined ? '' : ` (${event.data.severity})`}`;
    case 'ComplaintResolved':
      return `Complaint ${event.data.complaintId} resolved: ${event.data.resolution}`;
    case 'ConsentGranted':
      return `Consent granted: ${event.data.channel} / ${event.data.purpose}`;
    case 'ConsentWithdrawn':
      return `Consent withdrawn: ${event.data.channel} / ${event.data.purpose}`;
  }
}

/** The names of the fields a profile update sets (`address.city`), never their values. */
function changedProfileFields(changes: Extract<Customer360Event, { type: 'CustomerProfileUpdated' }>['data']): string[] {
  return [
    ...Object.keys(changes.fields),
    ...Object.keys(changes.address ?? {}).map((field) => `address.${field}`),
    ...Object.keys(changes.company ?? {}).map((field) => `company.${field}`),
  ];
}
