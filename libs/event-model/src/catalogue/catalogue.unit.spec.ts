import { eventCatalogue } from '.';

const validOrder = () => ({
  orderId: '536365',
  lines: [{ productId: '85123A', sku: '85123A', quantity: 6, unitPrice: 2.55, currency: 'GBP' }],
});
/** The faulty fields, each once (a field may break several rules). */
const paths = (type: string, data: unknown) => [
  ...new Set(eventCatalogue.validate(type, eventCatalogue.currentVersion(type), data).map((issue) => issue.path)),
];

describe('the catalogue', () => {
  it('holds every event type of the ingestion contract, and the types only the platform writes', () => {
    expect(eventCatalogue.types).toEqual([
      'CustomerRegistered',
      'CustomerProfileUpdated',
      'IdentityLinked',
      'PartyKindChanged',
      'InteractionRecorded',
      'OrderPlaced',
      'OrderCancelled',
      'PaymentCaptured',
      'RefundIssued',
      'ReturnRequested',
      'ReturnReceived',
      'ReturnRefunded',
      'ReturnRejected',
      'ComplaintOpened',
      'ComplaintEscalated',
      'ComplaintResolved',
      'ConsentGranted',
      'ConsentWithdrawn',
      'IdentityClaimed',
      'SegmentDefined',
      'SegmentRedefined',
      'SegmentArchived',
      'CampaignPlanned',
    ]);
    expect(eventCatalogue.types.filter((type) => !eventCatalogue.isProducerType(type))).toEqual([
      'IdentityClaimed',
      'SegmentDefined',
      'SegmentRedefined',
      'SegmentArchived',
      'CampaignPlanned',
    ]);
    expect(eventCatalogue.isProducerType('CustomerTeleported')).toBe(false);
  });

  it.each(eventCatalogue.definitions.map((definition) => [definition.type, definition]))('documents %s with a valid example', (_type, definition) => {
    expect(eventCatalogue.validate(definition.type, definition.current, definition.example)).toEqual([]);
  });

  describe('value rules shared by every type', () => {
    it('accepts an order with its lines', () => {
      expect(paths('OrderPlaced', validOrder())).toEqual([]);
    });

    it('wants at least one order line, each valid', () => {
      expect(paths('OrderPlaced', { ...validOrder(), lines: [] })).toEqual(['data.lines']);
      const badLine = { productId: '', sku: 'x'.repeat(65), quantity: 0, unitPrice: -1, currency: 'gbp', colour: 'red' };
      expect(paths('OrderPlaced', { ...validOrder(), lines: [badLine] }).sort()).toEqual(
        ['data.lines.0.colour', 'data.lines.0.currency', 'data.lines.0.productId', 'data.lines.0.quantity', 'data.lines.0.sku', 'data.lines.0.unitPrice'].sort(),
      );
    });

    it('takes amounts with at most 4 decimal places, never negative', () => {
      const payment = { paymentId: 'p-1', amount: 12.3456, currency: 'EUR' };
      expect(paths('PaymentCaptured', payment)).toEqual([]);
      expect(paths('PaymentCaptured', { ...payment, amount: 12.34567 })).toEqual(['data.amount']);
      expect(paths('PaymentCaptured', { ...payment, amount: -1 })).toEqual(['data.amount']);
      expect(paths('PaymentCaptured', { ...payment, amount: '12.30' })).toEqual(['data.amount']);
    });

    it('takes quantities as whole numbers from 1', () => {
      const request = { returnId: 'r-1', productId: 'p-1', quantity: 1.5, reason: 'damaged', channel: 'web' };
      expect(paths('ReturnRequested', request)).toEqual(['data.quantity']);
      expect(paths('ReturnRequested', { ...request, quantity: 1 })).toEqual([]);
    });

    it('names currencies and countries in ISO capitals', () => {
      expect(eventCatalogue.validate('RefundIssued', 1, { refundId: 'r', amount: 1, currency: 'eur' })[0]?.message).toContain('ISO 4217');
      expect(paths('CustomerProfileUpdated', { address: { country: 'gb' } })).toEqual(['data.address.country']);
      expect(eventCatalogue.validate('CustomerProfileUpdated', 1, { country: 'gb' }).map((issue) => issue.path)).toEqual(['data.country']);
    });

    it('treats an optional field as absent or valid, never null: the JSON Schemas say the same', () => {
      expect(paths('OrderCancelled', { orderId: 'o-1', reason: null })).toEqual(['data.reason']);
      expect(paths('OrderCancelled', { orderId: 'o-1' })).toEqual([]);
    });

    it('bounds free text at 2000 characters', () => {
      const complaint = { complaintId: 'c-1', channel: 'phone', category: 'delivery', severity: 'low' };
      expect(paths('ComplaintOpened', { ...complaint, description: 'x'.repeat(2000) })).toEqual([]);
      expect(paths('ComplaintOpened', { ...complaint, description: 'x'.repeat(2001) })).toEqual(['data.description']);
    });

    it('wants a reason for a rejected return', () => {
      expect(paths('ReturnRejected', { returnId: 'r-1', reason: '' })).toEqual(['data.reason']);
    });
  });

  describe('CustomerProfileUpdated v2 optional additions', () => {
    it('accepts gender, occupation, a company and a street, still as v2', () => {
      const data = { gender: 'non-binary', occupation: 'engineer', company: { name: 'ACME', size: '10-49' }, address: { street: '1 Main St' } };
      expect(eventCatalogue.validate('CustomerProfileUpdated', 2, data)).toEqual([]);
    });

    it('wants a company name and a known size', () => {
      expect(paths('CustomerProfileUpdated', { company: { size: 'huge' } }).sort()).toEqual(['data.company.name', 'data.company.size']);
    });
  });
});
