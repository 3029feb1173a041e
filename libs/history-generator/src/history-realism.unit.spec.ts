import { customerIdOf, GeneratedEvent, generateHistory } from './generate-history';
import { eventFamilies, historyEventMix } from './event-mix';
import { HistoryOptions } from './history-options';

const period = { from: new Date('2023-01-01T00:00:00.000Z'), to: new Date('2025-01-01T00:00:00.000Z') };
type Data = Record<string, unknown>;

function all(options: HistoryOptions): GeneratedEvent[] {
  return [...generateHistory(options)];
}

/** What one party did so far, as a reader of its stream would know it. */
interface PartyPast {
  kind: string;
  /** orderId → productId → quantity */
  orders: Map<string, Map<string, number>>;
  orderTotals: Map<string, number>;
  paidOrders: Set<string>;
  cancelledOrders: Set<string>;
  /** returnId → its stage */
  returns: Map<string, 'requested' | 'received' | 'closed'>;
  complaints: Map<string, 'opened' | 'escalated' | 'resolved'>;
  consents: Set<string>;
}

/** Each fact that names an order, a return, a complaint or a consent names one of the party's own, in a stage that allows it. */
function factsWithoutTheirPast(history: GeneratedEvent[]): string[] {
  const pasts = new Map<string, PartyPast>();
  const wrong: string[] = [];
  for (const { customerId, event } of history) {
    const data = event.data as Data;
    const why = (reason: string) => wrong.push(`${customerId} ${event.type} ${JSON.stringify(data)}: ${reason}`);
    if (event.type === 'CustomerRegistered') {
      pasts.set(customerId, {
        kind: data.partyKind as string,
        orders: new Map(),
        orderTotals: new Map(),
        paidOrders: new Set(),
        cancelledOrders: new Set(),
        returns: new Map(),
        complaints: new Map(),
        consents: new Set(),
      });
      continue;
    }
    const past = pasts.get(customerId)!;
    const orderId = data.orderId as string | undefined;
    if (orderId !== undefined && event.type !== 'OrderPlaced' && !past.orders.has(orderId)) why('not an order of the party');
    switch (event.type) {
      case 'OrderPlaced': {
        if (past.kind !== 'customer') why(`a ${past.kind} ordered`);
        const lines = data.lines as { productId: string; quantity: number; unitPrice: number; currency: string }[];
        past.orders.set(orderId!, new Map(lines.map((line) => [line.productId, line.quantity])));
        past.orderTotals.set(orderId!, Math.round(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice * 100, 0)));
        if (new Set(lines.map((line) => line.currency)).size !== 1) why('several currencies in one order');
        break;
      }
      case 'PaymentCaptured':
        if (past.paidOrders.has(orderId!) || past.cancelledOrders.has(orderId!)) why('paid twice, or after its cancellation');
        if (Math.round((data.amount as number) * 100) !== past.orderTotals.get(orderId!)) why('not the order’s total');
        past.paidOrders.add(orderId!);
        break;
      case 'OrderCancelled':
        if (past.cancelledOrders.has(orderId!)) why('cancelled twice');
        past.cancelledOrders.add(orderId!);
        break;
      case 'RefundIssued':
        if (!past.paidOrders.has(orderId!)) why('refunds an unpaid order');
        if (Math.round((data.amount as number) * 100) > past.orderTotals.get(orderId!)!) why('refunds more than the order');
        break;
      case 'ReturnRequested': {
        const ordered = past.orders.get(orderId!)?.get(data.productId as string);
        if (ordered === undefined || ordered < (data.quantity as number)) why('returns what the order did not hold');
        if (past.cancelledOrders.has(orderId!)) why('returns a cancelled order');
        past.returns.set(data.returnId as string, 'requested');
        break;
      }
      case 'ReturnReceived':
        if (past.returns.get(data.returnId as string) !== 'requested') why('received without a request');
        past.returns.set(data.returnId as string, 'received');
        break;
      case 'ReturnRefunded':
      case 'ReturnRejected':
        if (past.returns.get(data.returnId as string) !== 'received') why('settled before it was received');
        past.returns.set(data.returnId as string, 'closed');
        break;
      case 'ComplaintOpened':
        past.complaints.set(data.complaintId as string, 'opened');
        break;
      case 'ComplaintEscalated':
        if (past.complaints.get(data.complaintId as string) !== 'opened') why('escalates a complaint that is not open');
        past.complaints.set(data.complaintId as string, 'escalated');
        break;
      case 'ComplaintResolved': {
        const stage = past.complaints.get(data.complaintId as string);
        if (stage !== 'opened' && stage !== 'escalated') why('resolves a complaint that is not open');
        past.complaints.set(data.complaintId as string, 'resolved');
        break;
      }
      case 'ConsentGranted':
        past.consents.add(`${data.channel}/${data.purpose}`);
        break;
      case 'ConsentWithdrawn':
        if (!past.consents.delete(`${data.channel}/${data.purpose}`)) why('withdraws a consent never given');
        break;
      case 'PartyKindChanged':
        if (data.from !== past.kind || data.to === past.kind) why(`changes from ${past.kind}`);
        past.kind = data.to as string;
        break;
    }
  }
  return wrong;
}

describe('a generated history, read as a retailer’s CDP would', () => {
  const options: HistoryOptions = { seed: 'realism', customers: 20_000, events: 200_000, ...period };
  const history = all(options);

  it('only ever names the party’s own orders, returns, complaints and consents, in an order that makes sense', () => {
    expect(factsWithoutTheirPast(history).slice(0, 5)).toEqual([]);
    // …and follows some through: most orders paid, some returned and refunded, complaints resolved.
    const types = new Set(history.map(({ event }) => event.type));
    for (const type of ['PaymentCaptured', 'ReturnRefunded', 'ReturnRejected', 'ComplaintEscalated', 'ComplaintResolved', 'ConsentWithdrawn', 'PartyKindChanged']) {
      expect(types).toContain(type);
    }
  });

  it('follows the documented mix, family by family, within a tenth of each share (half a point for the small ones)', () => {
    const registrations = history.filter(({ event }) => event.type === 'CustomerRegistered').length;
    expect(registrations).toBe(options.customers);
    const counts = new Map<string, number>();
    for (const { event } of history) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    const rest = history.length - registrations;
    const off = Object.entries(eventFamilies)
      .map(([family, types]) => {
        const expected = types.reduce((sum, type) => sum + (historyEventMix[type as keyof typeof historyEventMix] ?? 0), 0);
        const actual = (100 * types.reduce((sum, type) => sum + (counts.get(type) ?? 0), 0)) / rest;
        return { family, expected, actual: Math.round(actual * 100) / 100 };
      })
      .filter(({ expected, actual }) => Math.abs(actual - expected) > Math.max(0.5, expected / 10));
    expect(off).toEqual([]);
    expect(Object.values(historyEventMix).reduce((sum, share) => sum + share, 0)).toBeCloseTo(100, 6);
  });

  it('has a few heavy buyers: the busiest tenth of the parties make about half of the events', () => {
    const perParty = new Map<string, number>();
    for (const { customerId } of history) perParty.set(customerId, (perParty.get(customerId) ?? 0) + 1);
    const busiestFirst = [...perParty.values()].sort((a, b) => b - a);
    const share = (fraction: number) => busiestFirst.slice(0, busiestFirst.length * fraction).reduce((sum, count) => sum + count, 0) / history.length;
    expect(share(0.1)).toBeGreaterThan(0.35);
    expect(share(0.1)).toBeLessThan(0.65);
    expect(share(0.01)).toBeGreaterThan(0.08);
    expect(busiestFirst[busiestFirst.length - 1]).toBe(1);
  });

  it('is mostly British, like the Online Retail data set, with some parties in a dozen other countries', () => {
    const countries = new Map<string, number>();
    for (const { event } of history) {
      const country = ((event.data as Data).address as Data | undefined)?.country as string | undefined;
      if (event.type === 'CustomerProfileUpdated' && country) countries.set(country, (countries.get(country) ?? 0) + 1);
    }
    const total = [...countries.values()].reduce((sum, count) => sum + count, 0);
    expect(countries.get('GB')! / total).toBeGreaterThan(0.7);
    expect(countries.get('GB')! / total).toBeLessThan(0.9);
    expect(countries.size).toBeGreaterThan(12);
  });

  it('holds prospects, partners and suppliers who never order, beside the customers', () => {
    const kinds = new Map<string, string>();
    const ordered = new Set<string>();
    for (const { customerId, event } of history) {
      if (event.type === 'CustomerRegistered') kinds.set(customerId, (event.data as Data).partyKind as string);
      if (event.type === 'OrderPlaced') ordered.add(customerId);
    }
    const neverOrdered = (kind: string) => [...kinds].filter(([id, k]) => k === kind && !ordered.has(id)).length;
    for (const kind of ['prospect', 'partner', 'supplier']) expect(neverOrdered(kind)).toBeGreaterThan(100);
    expect([...kinds.values()].filter((kind) => kind === 'customer').length / kinds.size).toBeGreaterThan(0.8);
  });

  it('sells from a catalogue of about 5,000 products in 50 categories, best-sellers first', () => {
    const sales = new Map<string, number>();
    const categories = new Set<string>();
    for (const { event } of history) {
      if (event.type !== 'OrderPlaced') continue;
      for (const line of (event.data as Data).lines as Data[]) {
        sales.set(line.productId as string, (sales.get(line.productId as string) ?? 0) + 1);
        categories.add(line.category as string);
      }
    }
    expect(categories.size).toBe(50);
    expect(sales.size).toBeLessThanOrEqual(5_000);
    expect(sales.size).toBeGreaterThan(3_000);
    const bySales = [...sales.values()].sort((a, b) => b - a);
    expect(bySales[0]).toBeGreaterThan(50 * bySales[Math.floor(bySales.length / 2)]);
  });

  it('names parties cus-0000001 onwards, registered in that order', () => {
    const registered = history.filter(({ event }) => event.type === 'CustomerRegistered').map(({ customerId }) => customerId);
    expect(registered.slice(0, 3)).toEqual([customerIdOf(0, 20_000), customerIdOf(1, 20_000), customerIdOf(2, 20_000)]);
    expect(registered[0]).toBe('cus-0000001');
    expect(customerIdOf(99_999_999, 100_000_000)).toBe('cus-100000000');
  });
});
