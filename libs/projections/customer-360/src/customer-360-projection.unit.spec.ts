import { erasedMarker, eventCatalogue } from '@cdp/event-model';
import { isFieldPath } from '@cdp/read-store';
import { customer360Projection } from './customer-360-projection';
import { Customer360Document } from './customer-360-document';
import { customerEvents, line, projectionSpecification, sealed } from './testing';
import { UnfoldableEventError } from './unfoldable-event-error';

const projection = customer360Projection();
const { given } = projectionSpecification(projection);

describe('customer360Projection', () => {
  it('is customer-360 v1 in customer_360_v1', () => {
    expect(projection).toMatchObject({ name: 'customer-360', version: 1, collection: { name: 'customer_360_v1' } });
  });

  it('folds every producer type of the catalogue, and not IdentityClaimed (identity streams)', () => {
    const producerTypes = eventCatalogue.types.filter((type) => eventCatalogue.isProducerType(type));
    expect([...projection.eventTypes].sort()).toEqual([...producerTypes].sort());
    expect(projection.eventTypes).toHaveLength(18);
    expect(projection.eventTypes).not.toContain('IdentityClaimed');
  });

  it('names the document after the customer of the stream, and no document for other streams', () => {
    const event = customerEvents('C-17850.0')('ConsentGranted', { channel: 'email', purpose: 'marketing' }, '2011-01-01T00:00:00Z');
    expect(projection.documentIdOf(event)).toBe('C-17850.0');
    expect(projection.documentIdOf({ ...event, streamId: 'identity-email-abc' })).toBeNull();
    expect(projection.documentIdOf({ ...event, streamId: 'segment-vip' })).toBeNull();
    expect(projection.documentIdOf({ ...event, streamId: 'nonsense' })).toBeNull();
  });

  it('indexes valid field paths under valid, distinct names', () => {
    const indexes = projection.collection.indexes;
    expect(new Set(indexes.map((index) => index.name)).size).toBe(indexes.length);
    for (const index of indexes) {
      expect(index.name).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const field of index.fields) expect(isFieldPath(field.field)).toBe(true);
    }
    const indexed = new Set(indexes.flatMap((index) => index.fields.map((field) => field.field)));
    for (const field of ['country', 'partyKind', 'lastOrderAt', 'firstOrderAt', 'reportingRevenue', 'orderCount', 'atRiskFrom', 'churnedFrom', 'rfmFrequency', 'rfmMonetary', 'returnRate', 'openComplaintCount', 'registeredAt']) {
      expect(indexed).toContain(field);
    }
  });

  it('given a short history, then the whole document', () => {
    const event = customerEvents('17850');
    given([
      event('CustomerRegistered', { partyKind: 'prospect', acquisitionChannel: 'web-signup' }, '2010-12-01T08:00:00Z'),
      event('CustomerProfileUpdated', { name: sealed('Ada'), address: { city: sealed('London'), country: 'GB', region: 'England' } }, '2010-12-01T08:01:00Z'),
      event('ConsentGranted', { channel: 'email', purpose: 'marketing', source: 'web-form', proof: 'double-opt-in:7f3c2a' }, '2010-12-01T08:02:00Z'),
      event('OrderPlaced', { orderId: '536365', channel: 'web', lines: [line('85123A', 6, 2.55), line('71053', 6, 3.39)] }, '2010-12-01T08:26:00Z'),
      event('PartyKindChanged', { from: 'prospect', to: 'customer' }, '2010-12-01T08:26:00Z'),
    ]).then({
      '17850': {
        customerId: '17850',
        partyKind: 'customer',
        partyKindSince: '2010-12-01T08:26:00.000Z',
        registeredAt: '2010-12-01T08:00:00.000Z',
        acquisitionChannel: 'web-signup',
        country: 'GB',
        region: 'England',
        lastEventAt: '2010-12-01T08:26:00.000Z',
        profile: { name: sealed('Ada'), address: { city: sealed('London'), country: 'GB', region: 'England' }, updatedAt: '2010-12-01T08:01:00.000Z' },
        profileFieldsAt: {
          name: '2010-12-01T08:01:00.000Z',
          address: { city: '2010-12-01T08:01:00.000Z', country: '2010-12-01T08:01:00.000Z', region: '2010-12-01T08:01:00.000Z' },
        },
        identities: [],
        consents: { email: { marketing: { granted: true, grantedAt: '2010-12-01T08:02:00.000Z', withdrawnAt: null, source: 'web-form' } } },
        orderCount: 1,
        cancelledOrderCount: 0,
        firstOrderAt: '2010-12-01T08:26:00.000Z',
        lastOrderAt: '2010-12-01T08:26:00.000Z',
        orderDayCount: 1,
        usualOrderGapDays: null,
        revenue: { GBP: 35.64 },
        reportingRevenue: 35.64,
        ordersByCurrency: { GBP: 1 },
        averageOrderValue: { GBP: 35.64 },
        paid: {},
        refunded: {},
        recentOrders: [{ orderId: '536365', at: '2010-12-01T08:26:00.000Z', amounts: { GBP: 35.64 }, lineCount: 2, cancelled: false }],
        // 30-day default gap: at risk after max(60, 2 × 30) days, churned after max(180, 4 × 30) days.
        atRiskFrom: '2011-01-30T08:26:00.000Z',
        churnedFrom: '2011-05-30T08:26:00.000Z',
        rfmFrequency: 1,
        rfmMonetary: 1,
        returnCount: 0,
        refundedReturnCount: 0,
        rejectedReturnCount: 0,
        returnRate: 0,
        openReturns: [],
        recentlyClosedReturns: [],
        complaintCount: 0,
        openComplaintCount: 0,
        openComplaints: [],
        latestComplaint: null,
        recentlyResolvedComplaints: [],
        interactionCount: 0,
        interactionsByChannel: {},
        appetence: [],
        topProducts: [
          { productId: '71053', orders: 1, quantity: 6, spend: 20.34 },
          { productId: '85123A', orders: 1, quantity: 6, spend: 15.3 },
        ],
        recentActivity: [
          { eventId: '17850-5', type: 'PartyKindChanged', kind: 'party', occurredAt: '2010-12-01T08:26:00.000Z', position: '00000000000000000005', summary: 'Party kind changed: prospect → customer' },
          { eventId: '17850-4', type: 'OrderPlaced', kind: 'order', occurredAt: '2010-12-01T08:26:00.000Z', position: '00000000000000000004', summary: 'Order 536365: 2 lines, 35.64 GBP' },
          { eventId: '17850-3', type: 'ConsentGranted', kind: 'consent', occurredAt: '2010-12-01T08:02:00.000Z', position: '00000000000000000003', summary: 'Consent granted: email / marketing' },
          { eventId: '17850-2', type: 'CustomerProfileUpdated', kind: 'profile', occurredAt: '2010-12-01T08:01:00.000Z', position: '00000000000000000002', summary: 'Profile updated: name, address.city, address.region, address.country' },
          { eventId: '17850-1', type: 'CustomerRegistered', kind: 'party', occurredAt: '2010-12-01T08:00:00.000Z', position: '00000000000000000001', summary: 'Registered as prospect via web-signup' },
        ],
      },
    });
  });

  it('keeps documents JSON: what the store gives back equals what was written', () => {
    const event = customerEvents();
    const doc = given([
      event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 3, 0.1), line('q', 1, 0.2, { category: 'toys' })] }, '2011-01-01T00:00:00Z'),
      event('OrderCancelled', { orderId: 'o-1' }, '2011-01-02T00:00:00Z'),
      event('CustomerProfileUpdated', { email: erasedMarker }, '2011-01-03T00:00:00Z'),
    ]).thenDocument('17850');
    expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
    expect(doc.revenue).toEqual({ GBP: 0 });
    expect(Object.is(doc.revenue.GBP, -0)).toBe(false);
  });

  it('folds an event seen among the last ones again without any change (a replay after a crash)', () => {
    const event = customerEvents();
    const order = event('OrderPlaced', { orderId: 'o-1', lines: [line('p', 1, 10)] }, '2011-01-01T00:00:00Z');
    const once = projection.evolve(null, order);
    expect(projection.evolve(once, order)).toBe(once);
  });

  it('reads an old schema version once upcast (a v1 profile country lands in the address)', () => {
    const event = customerEvents();
    const doc = given([event('CustomerProfileUpdated', { name: sealed('Ada'), country: 'IE' }, '2011-01-01T00:00:00Z', { schemaVersion: 1 })]).thenDocument('17850');
    expect(doc).toMatchObject({ country: 'IE', profile: { name: sealed('Ada'), address: { country: 'IE' } } });
  });

  describe('poison events', () => {
    const event = customerEvents();
    const cases: [string, ReturnType<typeof event>, RegExp][] = [
      ['a line without a quantity', event('OrderPlaced', { orderId: 'o-1', lines: [{ productId: 'p', sku: 'p', unitPrice: 1, currency: 'GBP' }] }, '2011-01-01T00:00:00Z'), /data\.lines\[0\]\.quantity must be an integer of at least 1 \(got nothing\)/],
      ['an order without lines', event('OrderPlaced', { orderId: 'o-1', lines: [] }, '2011-01-01T00:00:00Z'), /data\.lines must be a non-empty array/],
      ['a lower-case currency', event('RefundIssued', { refundId: 'r', amount: 1, currency: 'gbp' }, '2011-01-01T00:00:00Z'), /data\.currency must be an ISO 4217 currency code/],
      ['a negative amount', event('PaymentCaptured', { paymentId: 'p', amount: -1, currency: 'GBP' }, '2011-01-01T00:00:00Z'), /data\.amount must be a finite number of at least 0 \(got a number\)/],
      ['an unknown channel', event('ConsentGranted', { channel: 'pigeon', purpose: 'marketing' }, '2011-01-01T00:00:00Z'), /data\.channel must be one of email, web/],
      ['data that is not an object', event('OrderCancelled', [] as unknown as object, '2011-01-01T00:00:00Z'), /data must be an object \(got an array\)/],
      ['an address that is not an object', event('CustomerProfileUpdated', { address: 'London' }, '2011-01-01T00:00:00Z'), /data\.address must be an object \(got a string\)/],
      ['a business time that is no instant', event('OrderCancelled', { orderId: 'o-1' }, 'yesterday'), /metadata\.occurredAt must be an ISO 8601 instant/],
    ];
    it.each(cases)('throws UnfoldableEventError for %s, naming the event and the field', (_case, poison, message) => {
      given([poison]).thenThrows(UnfoldableEventError, (error) => {
        expect(error.message).toMatch(message);
        expect(error.message).toContain(`${poison.type} v${poison.schemaVersion} ${poison.eventId} (stream customer-17850, position ${poison.position})`);
        expect(error.code).toBe('unfoldable-event');
      });
    });

    it('never puts the value of a field in the message', () => {
      const poison = event('OrderPlaced', { orderId: 'o-1', lines: [{ productId: 'p', sku: 'p', quantity: 'ada@example.org', unitPrice: 1, currency: 'GBP' }] }, '2011-01-01T00:00:00Z');
      given([poison]).thenThrows(UnfoldableEventError, (error) => expect(error.message).not.toContain('ada@example.org'));
    });

    it('refuses a type it does not fold and a stream that is not a customer', () => {
      const claimed = event('IdentityClaimed', { customerId: '17850' }, '2011-01-01T00:00:00Z');
      expect(() => projection.evolve(null, claimed)).toThrow(/IdentityClaimed is not a type of customer streams/);
      const foreign = { ...event('OrderCancelled', { orderId: 'o' }, '2011-01-01T00:00:00Z'), streamId: 'segment-vip' };
      expect(() => projection.evolve(null, foreign)).toThrow(UnfoldableEventError);
    });
  });

  it('starts a document from any first event, registered or not', () => {
    const doc: Customer360Document = given([customerEvents()('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'page-viewed' }, '2011-01-01T00:00:00Z')]).thenDocument('17850');
    expect(doc).toMatchObject({ customerId: '17850', partyKind: null, registeredAt: null, interactionCount: 1, orderCount: 0 });
  });
});
