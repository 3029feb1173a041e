import { eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { customer360Caps } from './customer-360-caps';
import { customer360EventTypes } from './customer-360-event';
import { customer360Projection } from './customer-360-projection';
import { eventKindOf } from './event-kind';
import { summariseEvent } from './summarise-event';
import { customerEvents, line, projectionSpecification, sealed } from './testing';

const at = '2011-01-01T00:00:00Z';
const event = customerEvents();

// One event of every folded type, with every personal and free-text field filled.
const examples: [RecordedEvent, string][] = [
  [event('CustomerRegistered', { partyKind: 'prospect', acquisitionChannel: 'web-signup' }, at), 'Registered as prospect via web-signup'],
  [event('CustomerProfileUpdated', { name: sealed('Ada'), email: sealed('ada@example.org'), address: { city: sealed('London'), country: 'GB' }, company: { name: 'ACME' } }, at), 'Profile updated: name, email, address.city, address.country, company.name'],
  [event('IdentityLinked', { kind: 'loyalty-card', value: sealed('6280 0012'), system: 'loyalty' }, at), 'Identifier linked: loyalty-card (loyalty)'],
  [event('PartyKindChanged', { from: 'prospect', to: 'customer' }, at), 'Party kind changed: prospect → customer'],
  [event('InteractionRecorded', { channel: 'store', direction: 'inbound', kind: 'visit', productId: '85123A', note: sealed('a note') }, at), 'Interaction: inbound store visit about product 85123A'],
  [event('OrderPlaced', { orderId: '536365', channel: 'web', lines: [line('85123A', 6, 2.55), line('71053', 6, 3.39)] }, at), 'Order 536365: 2 lines, 35.64 GBP'],
  [event('OrderPlaced', { orderId: '9', lines: [line('a', 1, 10), line('b', 1, 5.5, { currency: 'EUR' })] }, at), 'Order 9: 2 lines, 10 GBP + 5.5 EUR'],
  [event('OrderCancelled', { orderId: '536365', reason: 'out of stock' }, at), 'Order 536365 cancelled'],
  [event('PaymentCaptured', { paymentId: 'pay-99812', orderId: '536365', amount: 35.64, currency: 'GBP', method: 'card' }, at), 'Payment pay-99812: 35.64 GBP by card for order 536365'],
  [event('RefundIssued', { refundId: 'ref-1207', orderId: '536365', amount: 15.3, currency: 'GBP', reason: 'late delivery' }, at), 'Refund ref-1207: 15.3 GBP for order 536365'],
  [event('ReturnRequested', { returnId: 'ret-311', orderId: '536365', productId: '85123A', quantity: 2, reason: 'damaged', channel: 'web', comment: sealed('crushed') }, at), 'Return ret-311 requested: 2 × 85123A (damaged)'],
  [event('ReturnReceived', { returnId: 'ret-311', condition: 'opened' }, at), 'Return ret-311 received (opened)'],
  [event('ReturnRefunded', { returnId: 'ret-311', amount: 5.1, currency: 'GBP', refundId: 'ref-1208' }, at), 'Return ret-311 refunded: 5.1 GBP'],
  [event('ReturnRejected', { returnId: 'ret-312', reason: 'returned after the 30-day window' }, at), 'Return ret-312 rejected'],
  [event('ComplaintOpened', { complaintId: 'cmp-77', channel: 'phone', category: 'delivery', severity: 'medium', description: sealed('late') }, at), 'Complaint cmp-77 opened: delivery, medium'],
  [event('ComplaintEscalated', { complaintId: 'cmp-77', severity: 'high', escalatedTo: 'customer-care-lead', note: sealed('escalated') }, at), 'Complaint cmp-77 escalated to customer-care-lead (high)'],
  [event('ComplaintResolved', { complaintId: 'cmp-77', resolution: 'compensated', note: sealed('voucher') }, at), 'Complaint cmp-77 resolved: compensated'],
  [event('ConsentGranted', { channel: 'email', purpose: 'marketing', source: 'web-form', proof: 'double-opt-in:7f3c2a' }, at), 'Consent granted: email / marketing'],
  [event('ConsentWithdrawn', { channel: 'email', purpose: 'marketing', reason: 'unsubscribe link' }, at), 'Consent withdrawn: email / marketing'],
];

describe('summaries and kinds of events', () => {
  it('has an example of every folded type, valid for the catalogue apart from the sealed stand-ins', () => {
    expect(new Set(examples.map(([example]) => example.type))).toEqual(new Set(customer360EventTypes));
    for (const [example] of examples) {
      const issues = eventCatalogue.validate(example.type, example.schemaVersion, example.data).filter((issue) => !/name|email|value|note|comment|description|city/.test(issue.path));
      expect({ type: example.type, issues }).toEqual({ type: example.type, issues: [] });
    }
  });

  it.each(examples.map(([example, summary]) => [example.type, example, summary] as const))('summarises %s without personal data or free text', (_type, example, summary) => {
    expect(summariseEvent(example)).toBe(summary);
  });

  it('puts the same summaries in the recent activity, and no personal value anywhere but the profile and identities', () => {
    const doc = projectionSpecification(customer360Projection()).given(examples.map(([example]) => example)).thenDocument('17850');
    expect(doc.recentActivity.map((entry) => entry.summary)).toEqual(examples.slice(-customer360Caps.recentActivity).map(([, summary]) => summary).reverse());
    const { profile, identities, ...rest } = doc;
    expect(JSON.stringify(rest)).not.toContain('pii:');
    expect(JSON.stringify({ profile, identities })).not.toMatch(/late|crushed|a note|escalated|voucher/);
    for (const words of ['out of stock', 'late delivery', '30-day window', 'unsubscribe link', 'double-opt-in']) expect(JSON.stringify(doc)).not.toContain(words);
  });

  it('keeps the last 20 events in log order, newest first, with their kind and position', () => {
    const many = customerEvents('17850');
    const events = Array.from({ length: 25 }, (_, n) => many('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'page-viewed' }, `2011-01-01T00:00:${String(59 - n).padStart(2, '0')}Z`));
    const doc = projectionSpecification(customer360Projection()).given(events).thenDocument('17850');
    expect(doc.recentActivity).toHaveLength(customer360Caps.recentActivity);
    expect(doc.recentActivity[0]).toEqual({
      eventId: events[24].eventId,
      type: 'InteractionRecorded',
      kind: 'interaction',
      occurredAt: '2011-01-01T00:00:35.000Z',
      position: events[24].position,
      summary: 'Interaction: inbound web page-viewed',
    });
    expect(doc.recentActivity[19].eventId).toBe(events[5].eventId);
  });

  it('names the kind of every folded type, and "other" for a type it does not know', () => {
    expect(Object.fromEntries(customer360EventTypes.map((type) => [type, eventKindOf(type)]))).toEqual({
      CustomerRegistered: 'party',
      CustomerProfileUpdated: 'profile',
      IdentityLinked: 'identity',
      PartyKindChanged: 'party',
      InteractionRecorded: 'interaction',
      OrderPlaced: 'order',
      OrderCancelled: 'order',
      PaymentCaptured: 'payment',
      RefundIssued: 'refund',
      ReturnRequested: 'return',
      ReturnReceived: 'return',
      ReturnRefunded: 'return',
      ReturnRejected: 'return',
      ComplaintOpened: 'complaint',
      ComplaintEscalated: 'complaint',
      ComplaintResolved: 'complaint',
      ConsentGranted: 'consent',
      ConsentWithdrawn: 'consent',
    });
    expect(eventKindOf('IdentityClaimed')).toBe('other');
    expect(eventKindOf('toString')).toBe('other');
  });

  it('summarises a type it does not fold by its name only', () => {
    expect(summariseEvent(event('IdentityClaimed', { customerId: '17850' }, at))).toBe('IdentityClaimed (not summarised)');
  });

  it('summarises an old schema version once upcast', () => {
    expect(summariseEvent(event('CustomerProfileUpdated', { name: sealed('Ada'), country: 'GB' }, at, { schemaVersion: 1 }))).toBe('Profile updated: name, address.country');
  });
});

describe('summariseEvent of an event the view cannot read', () => {
  it('says what is wrong instead of throwing, without any value', () => {
    const broken = customerEvents()('OrderPlaced', { orderId: '1', lines: [{ productId: 'p', sku: 'p', quantity: 'ada@example.org', unitPrice: 1, currency: 'GBP' }] }, '2011-01-01T00:00:00Z');
    expect(summariseEvent(broken)).toBe('OrderPlaced (unreadable: data.lines[0].quantity must be an integer of at least 1 (got a string))');
    expect(summariseEvent({ ...broken, schemaVersion: 9 })).toMatch(/^OrderPlaced \(unreadable: OrderPlaced has no schemaVersion 9/);
  });
});
