import { eventCatalogue } from '@cdp/event-model';
import { commandTypeOfEvent } from './command-event-types';
import { commandForEvent } from './command-for-event';
import { customerDecider } from './customer-decider';
import { InvalidCustomerCommandError } from './customer-errors';
import { CustomerCommand } from './customer-commands';
import { CustomerEvent } from './customer-events';
import { deciderSpecification } from './testing';

const given = deciderSpecification(customerDecider).given;
const customerId = 'c-42';
const registered: CustomerEvent = { type: 'CustomerRegistered', schemaVersion: 1, data: { partyKind: 'customer' } };

// Orders, payments, refunds, returns, complaints and consents: facts from other systems, recorded as they come.
const facts: [CustomerCommand, CustomerEvent][] = [
  [
    { type: 'PlaceOrder', data: { customerId, orderId: 'o-1', channel: 'web', lines: [{ productId: 'p-1', sku: 'SKU-1', quantity: 2, unitPrice: 9.99, currency: 'EUR' }] } },
    { type: 'OrderPlaced', schemaVersion: 1, data: { orderId: 'o-1', channel: 'web', lines: [{ productId: 'p-1', sku: 'SKU-1', quantity: 2, unitPrice: 9.99, currency: 'EUR' }] } },
  ],
  [{ type: 'CancelOrder', data: { customerId, orderId: 'o-1', reason: 'changed mind' } }, { type: 'OrderCancelled', schemaVersion: 1, data: { orderId: 'o-1', reason: 'changed mind' } }],
  [
    { type: 'CapturePayment', data: { customerId, paymentId: 'pay-1', orderId: 'o-1', amount: 19.98, currency: 'EUR', method: 'card' } },
    { type: 'PaymentCaptured', schemaVersion: 1, data: { paymentId: 'pay-1', orderId: 'o-1', amount: 19.98, currency: 'EUR', method: 'card' } },
  ],
  [
    { type: 'IssueRefund', data: { customerId, refundId: 'ref-1', amount: 5, currency: 'EUR' } },
    { type: 'RefundIssued', schemaVersion: 1, data: { refundId: 'ref-1', amount: 5, currency: 'EUR' } },
  ],
  [
    { type: 'RequestReturn', data: { customerId, returnId: 'r-1', productId: 'p-1', quantity: 1, reason: 'defective', channel: 'store', comment: 'stopped working' } },
    { type: 'ReturnRequested', schemaVersion: 1, data: { returnId: 'r-1', productId: 'p-1', quantity: 1, reason: 'defective', channel: 'store', comment: 'stopped working' } },
  ],
  [{ type: 'ReceiveReturn', data: { customerId, returnId: 'r-1', condition: 'opened' } }, { type: 'ReturnReceived', schemaVersion: 1, data: { returnId: 'r-1', condition: 'opened' } }],
  [
    { type: 'RefundReturn', data: { customerId, returnId: 'r-1', amount: 9.99, currency: 'EUR' } },
    { type: 'ReturnRefunded', schemaVersion: 1, data: { returnId: 'r-1', amount: 9.99, currency: 'EUR' } },
  ],
  [{ type: 'RejectReturn', data: { customerId, returnId: 'r-1', reason: 'too late' } }, { type: 'ReturnRejected', schemaVersion: 1, data: { returnId: 'r-1', reason: 'too late' } }],
  [
    { type: 'OpenComplaint', data: { customerId, complaintId: 'cmp-1', channel: 'phone', category: 'billing', severity: 'low' } },
    { type: 'ComplaintOpened', schemaVersion: 1, data: { complaintId: 'cmp-1', channel: 'phone', category: 'billing', severity: 'low' } },
  ],
  [
    { type: 'EscalateComplaint', data: { customerId, complaintId: 'cmp-1', severity: 'high' } },
    { type: 'ComplaintEscalated', schemaVersion: 1, data: { complaintId: 'cmp-1', severity: 'high' } },
  ],
  [
    { type: 'ResolveComplaint', data: { customerId, complaintId: 'cmp-1', resolution: 'explained' } },
    { type: 'ComplaintResolved', schemaVersion: 1, data: { complaintId: 'cmp-1', resolution: 'explained' } },
  ],
  [
    { type: 'GrantConsent', data: { customerId, channel: 'sms', purpose: 'marketing', source: 'store-till' } },
    { type: 'ConsentGranted', schemaVersion: 1, data: { channel: 'sms', purpose: 'marketing', source: 'store-till' } },
  ],
  [
    { type: 'WithdrawConsent', data: { customerId, channel: 'sms', purpose: 'marketing' } },
    { type: 'ConsentWithdrawn', schemaVersion: 1, data: { channel: 'sms', purpose: 'marketing' } },
  ],
];

describe.each(facts.map(([command, event]) => [command.type, command, event] as const))('%s', (_type, command, event) => {
  it(`records ${event.type} for a registered customer`, () => {
    given([registered]).when(command).then([event]);
  });

  it(`records ${event.type} for a customer nobody has registered yet: ingestion is out of order`, () => {
    given([]).when(command).then([event]);
  });

  it(`records ${event.type} again when sent again: the same fact twice is for the event id to catch, not the rules`, () => {
    given([registered, event]).when(command).then([event]);
  });
});

describe('facts that break their schema', () => {
  it('rejects a negative amount, naming the field', () => {
    given([registered])
      .when({ type: 'CapturePayment', data: { customerId, paymentId: 'pay-1', amount: -3, currency: 'EUR' } })
      .thenThrows(InvalidCustomerCommandError, (error) => {
        expect(error.commandType).toBe('CapturePayment');
        expect(error.issues.map((issue) => issue.path)).toEqual(['data.amount']);
      });
  });

  it('rejects an order line with an unknown field, naming it', () => {
    const line = { productId: 'p-1', sku: 'SKU-1', quantity: 1, unitPrice: 1, currency: 'EUR', colour: 'red' };
    given([])
      .when({ type: 'PlaceOrder', data: { customerId, orderId: 'o-1', lines: [line] } })
      .thenThrows(InvalidCustomerCommandError, (error) => {
        expect(error.issues.map((issue) => issue.path)).toEqual(['data.lines.0.colour']);
      });
  });

  it('leaves out optional fields given as undefined', () => {
    given([])
      .when({ type: 'CancelOrder', data: { customerId, orderId: 'o-1', reason: undefined } })
      .then([{ type: 'OrderCancelled', schemaVersion: 1, data: { orderId: 'o-1' } }]);
  });
});

describe('every producer event type has its command', () => {
  const producerTypes = eventCatalogue.types.filter((type) => eventCatalogue.isProducerType(type));

  it('maps the producer types of the catalogue one to one, and no other', () => {
    expect(Object.keys(commandTypeOfEvent).sort()).toEqual([...producerTypes].sort());
  });

  it.each(producerTypes)('decides the catalogue example of %s into that very event', (type) => {
    const { example, current } = eventCatalogue.definition(type);
    // On an empty stream no rule has anything to leave out: the example is recorded exactly as given.
    given([]).when(commandForEvent(customerId, { type, data: example })).then([{ type, schemaVersion: current, data: example } as CustomerEvent]);
  });
});
