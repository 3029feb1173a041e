import { validate as isUuid, version as uuidVersion } from 'uuid';
import { onlineRetailHeader, onlineRetailLines as lines } from './fixtures/online-retail-lines.fixture';
import { UnexpectedCsvHeaderError } from './csv/read-csv-records';
import { OnlineRetailImportSummary, OnlineRetailSummaryAccumulator } from './import-summary';
import { IngestionMessage } from './ingestion-message';
import { onlineRetailMessages, OnlineRetailImportOptions } from './online-retail-messages';

/** Feeds the CSV in small Buffer chunks, so that lines and quoted fields straddle chunk boundaries. */
async function* chunked(text: string, size = 37): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function importing(
  csvLines: readonly string[],
  options: Omit<OnlineRetailImportOptions, 'summary'> = {},
): Promise<{ messages: IngestionMessage[]; summary: OnlineRetailImportSummary }> {
  const accumulator = new OnlineRetailSummaryAccumulator();
  const messages: IngestionMessage[] = [];
  const csv = [onlineRetailHeader, ...csvLines].join('\n') + '\n';
  for await (const message of onlineRetailMessages(chunked(csv), { ...options, summary: accumulator })) messages.push(message);
  return { messages, summary: accumulator.snapshot() };
}

const brief = (messages: readonly IngestionMessage[]) =>
  messages.map(({ type, customerId, correlationId }) => `${customerId} ${correlationId} ${type}`);
const ofType = (messages: readonly IngestionMessage[], type: string) => messages.filter((m) => m.type === type);

/** A real line given a customer id, for rules the file only ever shows on guest lines. */
const withCustomer = (line: string, customerId: string) => line.replace(/,,(?=[^,]*$)/, `,${customerId},`);

describe('given the first invoice of the file', () => {
  it('registers the customer, records the country, then places the order', async () => {
    const { messages } = await importing(lines.firstInvoice);

    expect(messages.map(({ eventId: _eventId, ...rest }) => rest)).toEqual([
      {
        type: 'CustomerRegistered',
        schemaVersion: 1,
        customerId: '17850',
        occurredAt: '2010-12-01T08:26:00.000Z',
        correlationId: '536365',
        data: { partyKind: 'customer', acquisitionChannel: 'online-retail' },
      },
      {
        type: 'CustomerProfileUpdated',
        schemaVersion: 2,
        customerId: '17850',
        occurredAt: '2010-12-01T08:26:00.000Z',
        correlationId: '536365',
        data: { address: { country: 'GB' } },
      },
      {
        type: 'OrderPlaced',
        schemaVersion: 1,
        customerId: '17850',
        occurredAt: '2010-12-01T08:26:00.000Z',
        correlationId: '536365',
        data: {
          orderId: '536365',
          channel: 'web',
          lines: [
            { productId: '85123A', sku: '85123A', description: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPrice: 2.55, currency: 'GBP' },
            { productId: '71053', sku: '71053', description: 'WHITE METAL LANTERN', quantity: 6, unitPrice: 3.39, currency: 'GBP' },
            { productId: '84406B', sku: '84406B', description: 'CREAM CUPID HEARTS COAT HANGER', quantity: 8, unitPrice: 2.75, currency: 'GBP' },
          ],
        },
      },
    ]);
  });

  it('gives deterministic uuid v5 event ids, so a second import adds nothing', async () => {
    const first = await importing(lines.firstInvoice);
    const second = await importing(lines.firstInvoice);

    const ids = first.messages.map((m) => m.eventId);
    expect(ids.every((id) => isUuid(id) && uuidVersion(id) === 5)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.messages.map((m) => m.eventId)).toEqual(ids);
  });
});

describe('given a sale with a postage line', () => {
  it('leaves the postage out of the order lines, and trims descriptions', async () => {
    const { messages, summary } = await importing(lines.saleWithPostage);

    const [order] = ofType(messages, 'OrderPlaced');
    expect(order.data['lines']).toEqual([
      { productId: '22544', sku: '22544', description: 'MINI JIGSAW SPACEBOY', quantity: 24, unitPrice: 0.42, currency: 'GBP' },
      { productId: '22492', sku: '22492', description: 'MINI PAINT SET VINTAGE', quantity: 36, unitPrice: 0.65, currency: 'GBP' },
    ]);
    expect(ofType(messages, 'CustomerProfileUpdated')[0].data).toEqual({ address: { country: 'FR' } });
    expect(summary.skippedByReason).toEqual({ 'non-product-line': 1 });
    expect(summary.skippedNonProductByCode).toEqual({ POST: 1 });
  });
});

describe('given a product at price 0 for a known customer', () => {
  it('keeps it as an order line at price 0: the customer received the goods', async () => {
    const { messages, summary } = await importing(lines.zeroPriceSale);

    expect(ofType(messages, 'OrderPlaced')[0].data['lines']).toEqual([
      { productId: '22841', sku: '22841', description: 'ROUND CAKE TIN VINTAGE GREEN', quantity: 1, unitPrice: 0, currency: 'GBP' },
    ]);
    expect(summary.zeroPriceOrderLines).toBe(1);
  });
});

describe('given a purchase, then a cancellation invoice for the product', () => {
  it('records a return of the product tied to the order, and its refund', async () => {
    const { messages, summary } = await importing(lines.purchaseThenReturn);

    expect(brief(messages)).toEqual([
      '17897 536488 CustomerRegistered',
      '17897 536488 CustomerProfileUpdated',
      '17897 536488 OrderPlaced',
      '17897 C536506 ReturnRequested',
      '17897 C536506 ReturnRefunded',
    ]);
    const [requested, refunded] = messages.slice(3);
    expect(requested.occurredAt).toBe('2010-12-01T12:38:00.000Z');
    expect(requested.data).toEqual({
      returnId: 'C536506-1',
      orderId: '536488',
      productId: '22960',
      sku: '22960',
      quantity: 6,
      reason: 'other',
      channel: 'web',
    });
    expect(refunded.data).toEqual({ returnId: 'C536506-1', amount: 25.5, currency: 'GBP' });
    expect(summary.returnsMatchedToOrder).toBe(1);
  });

  it('ties the return to the most recent earlier order holding the product', async () => {
    const { messages } = await importing(lines.twoPurchasesThenReturn);

    expect(ofType(messages, 'OrderPlaced').map((m) => m.data['orderId'])).toEqual(['537216', '537407']);
    expect(ofType(messages, 'ReturnRequested')[0].data['orderId']).toBe('537407');
  });
});

describe('given an invoice interrupted by another (542806 around C542805)', () => {
  it('places one order with all its lines, before the interrupting credit note', async () => {
    const { messages } = await importing(lines.splitInvoice);

    expect(brief(messages)).toEqual([
      '12836 542806 CustomerRegistered',
      '12836 542806 CustomerProfileUpdated',
      '12836 542806 OrderPlaced',
      '14606 C542805 CustomerRegistered',
      '14606 C542805 CustomerProfileUpdated',
      '14606 C542805 ReturnRequested',
      '14606 C542805 ReturnRefunded',
      '14606 C542805 ReturnRequested',
      '14606 C542805 ReturnRefunded',
    ]);
    const orderLines = ofType(messages, 'OrderPlaced')[0].data['lines'] as { productId: string; description: string }[];
    expect(orderLines.map((line) => line.productId)).toEqual(['22365', '48188', '22692', '84247G']);
    expect(orderLines[3].description).toBe('DECOUPAGE,GREETING CARD,');
  });

  it('returns a product bought before the data set began without an order id', async () => {
    const { messages, summary } = await importing(lines.splitInvoice);

    expect(ofType(messages, 'ReturnRequested').map((m) => m.data)).toEqual([
      { returnId: 'C542805-1', productId: '22156', sku: '22156', quantity: 1, reason: 'other', channel: 'web' },
      { returnId: 'C542805-2', productId: '85054', sku: '85054', quantity: 1, reason: 'other', channel: 'web' },
    ]);
    expect(summary.returnsWithoutOrder).toBe(2);
  });

  it('rejects a line of an invoice that closed long before, rather than placing the order twice', async () => {
    const [first, second] = lines.firstInvoice;
    const { messages, summary } = await importing([first, ...lines.summerSale, second]);

    expect(ofType(messages, 'OrderPlaced').map((m) => (m.data['lines'] as unknown[]).length)).toEqual([1, 1]);
    expect(summary.rejectedByReason).toEqual({ 'invoice-reopened': 1 });
  });
});

describe('given an invoice whose lines carry two minutes', () => {
  it('places one order at the time of its first line', async () => {
    const { messages } = await importing(lines.invoiceOverTwoMinutes);

    const orders = ofType(messages, 'OrderPlaced');
    expect(orders).toHaveLength(1);
    expect(orders[0].occurredAt).toBe('2010-12-01T16:57:00.000Z');
  });
});

describe('given credit notes of non-product codes', () => {
  it('turns a discount into a refund', async () => {
    const { messages } = await importing(lines.discountCredit);

    expect(ofType(messages, 'RefundIssued').map((m) => m.data)).toEqual([
      { refundId: 'C536379-1', amount: 27.5, currency: 'GBP', reason: 'discount credited' },
    ]);
  });

  it('turns a manual credit into a refund of |quantity| × price', async () => {
    const { messages } = await importing(lines.manualCredit);

    expect(ofType(messages, 'RefundIssued').map((m) => m.data)).toEqual([
      { refundId: 'C538124-1', amount: 2, currency: 'GBP', reason: 'manual adjustment credited' },
    ]);
  });

  it('turns a carriage credit into a refund, for an EIRE customer recorded in IE', async () => {
    const { messages } = await importing(lines.eireSaleThenCarriageCredit);

    expect(brief(messages)).toEqual([
      '14911 536540 CustomerRegistered',
      '14911 536540 CustomerProfileUpdated',
      '14911 536540 OrderPlaced',
      '14911 C540164 RefundIssued',
    ]);
    expect(messages[1].data).toEqual({ address: { country: 'IE' } });
    expect(messages[3].data).toEqual({ refundId: 'C540164-1', amount: 50, currency: 'GBP', reason: 'carriage credited' });
  });

  it('gives a charity commission no message: it is no money back to the customer', async () => {
    const { messages, summary } = await importing(lines.charityCommission);

    expect(brief(messages)).toEqual(['14096 C564763 CustomerRegistered', '14096 C564763 CustomerProfileUpdated']);
    expect(summary.skippedNonProductByCode).toEqual({ CRUK: 1 });
  });
});

describe('given a customer whose country changes', () => {
  it('registers once, and records each change of country', async () => {
    const { messages } = await importing(lines.countryChanges);

    expect(brief(messages)).toEqual([
      '12431 536389 CustomerRegistered',
      '12431 536389 CustomerProfileUpdated',
      '12431 536389 OrderPlaced',
      '12431 544193 CustomerProfileUpdated',
      '12431 544193 OrderPlaced',
      '12431 545065 CustomerProfileUpdated',
      '12431 545065 OrderPlaced',
    ]);
    expect(ofType(messages, 'CustomerProfileUpdated').map((m) => m.data)).toEqual([
      { address: { country: 'AU' } },
      { address: { country: 'BE' } },
      { address: { country: 'AU' } },
    ]);
  });
});

describe('given country names that are no ISO name', () => {
  it('records RSA as ZA', async () => {
    const { messages } = await importing(lines.rsa);

    expect(ofType(messages, 'CustomerProfileUpdated')[0].data).toEqual({ address: { country: 'ZA' } });
  });

  it.each([
    ['Channel Islands', lines.channelIslands],
    ['European Community', lines.europeanCommunity],
    ['Unspecified', lines.unspecifiedCountry],
  ])('records no address for %s', async (_name, csvLines) => {
    const { messages } = await importing(csvLines);

    expect(messages.map((m) => m.type)).toEqual(['CustomerRegistered', 'OrderPlaced']);
  });
});

describe('given a sale in British Summer Time', () => {
  it('gives the time in UTC, an hour earlier than the wall clock', async () => {
    const { messages } = await importing(lines.summerSale);

    expect(messages.map((m) => m.occurredAt)).toEqual([
      '2011-06-01T06:37:00.000Z',
      '2011-06-01T06:37:00.000Z',
      '2011-06-01T06:37:00.000Z',
    ]);
  });
});

describe('given lines that belong to no customer', () => {
  it('skips guest checkouts, stock adjustments and the bad-debt adjustment: no party to attach them to', async () => {
    const { messages, summary } = await importing([...lines.guestSale, ...lines.stockAdjustment, ...lines.badDebtAdjustment]);

    expect(messages).toEqual([]);
    expect(summary.skippedByReason).toEqual({ 'guest-checkout': 5 });
  });

  it('skips a negative quantity outside a cancellation as a stock adjustment, even with a customer', async () => {
    const { messages, summary } = await importing([withCustomer(lines.stockAdjustment[0], '17850.0')]);

    expect(messages.map((m) => m.type)).toEqual(['CustomerRegistered', 'CustomerProfileUpdated']);
    expect(summary.skippedByReason).toEqual({ 'stock-adjustment': 1 });
  });

  it('skips a bad-debt adjustment, even with a customer', async () => {
    const { messages, summary } = await importing([withCustomer(lines.badDebtAdjustment[0], '17850.0')]);

    expect(messages.map((m) => m.type)).toEqual(['CustomerRegistered', 'CustomerProfileUpdated']);
    expect(summary.skippedByReason).toEqual({ 'bad-debt-adjustment': 1 });
  });
});

describe('given broken lines', () => {
  it('counts a line cut short as malformed and goes on', async () => {
    const cutShort = lines.firstInvoice[1].split(',').slice(0, 5).join(',');
    const { messages, summary } = await importing([lines.firstInvoice[0], cutShort, lines.firstInvoice[2]]);

    expect((ofType(messages, 'OrderPlaced')[0].data['lines'] as unknown[]).length).toBe(2);
    expect(summary.rejectedByReason).toEqual({ 'malformed-csv': 1 });
    expect(summary.linesRead).toBe(3);
  });

  it('rejects a customer id that is no number, and a date that is no date', async () => {
    const badCustomer = lines.firstInvoice[0].replace('17850.0', '17850.5');
    const badDate = lines.firstInvoice[1].replace('2010-12-01 08:26:00', '2010-12-32 08:26:00');
    const { messages, summary } = await importing([badCustomer, badDate]);

    expect(messages).toEqual([]);
    expect(summary.rejectedByReason).toEqual({ 'invalid-customer-id': 1, 'invalid-date': 1 });
  });

  it('stops with an actionable error when the header is not the Online Retail header', async () => {
    const run = async () => {
      for await (const _ of onlineRetailMessages(chunked('a,b,c\n1,2,3\n'))) void _;
    };

    await expect(run()).rejects.toThrow(UnexpectedCsvHeaderError);
  });
});

describe('given the whole fixture', () => {
  const everything = Object.values(lines).flat();

  it('accounts for every line read: mapped, skipped or rejected', async () => {
    const { summary } = await importing(everything);

    expect(summary.linesRead).toBe(everything.length);
    expect(summary.linesMapped + summary.linesSkipped + summary.linesRejected).toBe(everything.length);
    expect(summary.linesRejected).toBe(0);
  });

  it('summarises messages by type, customers and the time span', async () => {
    const { messages, summary } = await importing(everything);

    expect(summary.messages).toBe(messages.length);
    const byType: Record<string, number> = {};
    for (const m of messages) byType[m.type] = (byType[m.type] ?? 0) + 1;
    expect(summary.messagesByType).toEqual(byType);
    expect(summary.customers).toBe(new Set(messages.map((m) => m.customerId)).size);
    expect(summary.customers).toBe(17);
    expect(summary.firstOccurredAt).toBe('2010-12-01T08:26:00.000Z');
    expect(summary.lastOccurredAt).toBe('2011-10-13T11:50:00.000Z');
  });

  it('gives each message its own event id', async () => {
    const { messages } = await importing(everything);

    expect(new Set(messages.map((m) => m.eventId)).size).toBe(messages.length);
  });

  it('returns the summary as the value of the generator too', async () => {
    const generator = onlineRetailMessages(chunked([onlineRetailHeader, ...lines.firstInvoice].join('\n')));
    let step = await generator.next();
    while (!step.done) step = await generator.next();

    expect(step.value).toMatchObject({ linesRead: 3, linesMapped: 3, customers: 1, messagesByType: { OrderPlaced: 1 } });
  });
});
