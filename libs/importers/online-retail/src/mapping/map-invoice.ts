import { onlineRetailEventId } from '../event-ids';
import { SkipReason, RejectReason } from '../import-outcomes';
import { IngestionMessage } from '../ingestion-message';
import { Invoice, PositionedLine } from '../invoices/invoice';
import { classifyStockCode, normaliseStockCode } from '../stock-codes';
import { lookUpCountry } from '../countries';
import { MappingMemory } from './mapping-memory';

export const currency = 'GBP';
export const acquisitionChannel = 'online-retail';

export type LineOutcome =
  | { readonly outcome: 'mapped' }
  | { readonly outcome: 'skipped'; readonly reason: SkipReason; readonly nonProductCode?: string }
  | { readonly outcome: 'rejected'; readonly reason: RejectReason };

/** Facts worth counting that are no line outcome. */
export interface InvoiceNotes {
  readonly unknownCountry?: string;
  readonly returnsMatched: number;
  readonly returnsUnmatched: number;
  readonly zeroPriceOrderLines: number;
}

export interface InvoiceMapping {
  readonly messages: IngestionMessage[];
  readonly lineOutcomes: LineOutcome[];
  readonly notes: InvoiceNotes;
}

/** Money: at most 4 decimals, as the contract wants; |qty| × price in floating point needs it. */
function money(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

function message(invoice: Invoice, type: string, schemaVersion: number, idParts: readonly string[], data: Record<string, unknown>): IngestionMessage {
  return {
    type,
    schemaVersion,
    customerId: invoice.customerId,
    eventId: onlineRetailEventId(...idParts),
    occurredAt: new Date(invoice.epochMs).toISOString(),
    correlationId: invoice.invoiceNo,
    data,
  };
}

function partyMessages(memory: MappingMemory, invoice: Invoice): { messages: IngestionMessage[]; unknownCountry?: string } {
  const messages: IngestionMessage[] = [];
  const country = lookUpCountry(invoice.country);
  const code = country.known ? country.code : null;
  const known = memory.countryByCustomer.has(invoice.customerId);
  if (!known) {
    // Keyed by customer, not by invoice: a later extract that starts elsewhere registers nobody twice.
    messages.push(
      message(invoice, 'CustomerRegistered', 1, ['customer', invoice.customerId, 'CustomerRegistered'], {
        partyKind: 'customer',
        acquisitionChannel,
      }),
    );
  }
  // An unknown or vague country says nothing new: it neither sets nor erases the one we know.
  if (code !== null && code !== memory.countryByCustomer.get(invoice.customerId)) {
    messages.push(
      message(invoice, 'CustomerProfileUpdated', 2, [invoice.invoiceNo, 'CustomerProfileUpdated', code], {
        address: { country: code },
      }),
    );
    memory.countryByCustomer.set(invoice.customerId, code);
  } else if (!known) {
    memory.countryByCustomer.set(invoice.customerId, null);
  }
  return { messages, unknownCountry: country.known ? undefined : invoice.country.trim() };
}

function orderLine(line: PositionedLine): Record<string, unknown> {
  const description = line.description.trim().slice(0, 500);
  return {
    productId: normaliseStockCode(line.stockCode),
    sku: line.stockCode,
    ...(description === '' ? {} : { description }),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    currency,
  };
}

function mapSale(memory: MappingMemory, invoice: Invoice): Omit<InvoiceMapping, 'notes'> & { zeroPriceOrderLines: number } {
  const lineOutcomes: LineOutcome[] = [];
  const lines: Record<string, unknown>[] = [];
  let zeroPriceOrderLines = 0;
  for (const line of invoice.lines) {
    const productId = normaliseStockCode(line.stockCode);
    const stockCode = classifyStockCode(productId);
    if (line.quantity < 0) {
      lineOutcomes.push({ outcome: 'skipped', reason: 'stock-adjustment' });
    } else if (stockCode.kind === 'non-product') {
      lineOutcomes.push({ outcome: 'skipped', reason: 'non-product-line', nonProductCode: productId });
    } else if (line.unitPrice < 0) {
      lineOutcomes.push({ outcome: 'rejected', reason: 'invalid-unit-price' });
    } else {
      if (line.unitPrice === 0) zeroPriceOrderLines += 1;
      lines.push(orderLine(line));
      lineOutcomes.push({ outcome: 'mapped' });
    }
  }
  if (lines.length === 0) return { messages: [], lineOutcomes, zeroPriceOrderLines };

  let products = memory.lastOrderByCustomerProduct.get(invoice.customerId);
  if (!products) {
    products = new Map();
    memory.lastOrderByCustomerProduct.set(invoice.customerId, products);
  }
  for (const line of lines) products.set(line['productId'] as string, invoice.invoiceNo);
  const orderPlaced = message(invoice, 'OrderPlaced', 1, [invoice.invoiceNo, 'OrderPlaced'], {
    orderId: invoice.invoiceNo,
    channel: 'web',
    lines,
  });
  return { messages: [orderPlaced], lineOutcomes, zeroPriceOrderLines };
}

function mapCancellation(memory: MappingMemory, invoice: Invoice): Omit<InvoiceMapping, 'notes'> & { matched: number; unmatched: number } {
  const messages: IngestionMessage[] = [];
  const lineOutcomes: LineOutcome[] = [];
  let matched = 0;
  let unmatched = 0;
  const products = memory.lastOrderByCustomerProduct.get(invoice.customerId);
  for (const line of invoice.lines) {
    const productId = normaliseStockCode(line.stockCode);
    const stockCode = classifyStockCode(productId);
    const id = `${invoice.invoiceNo}-${line.position}`;
    const idParts = (type: string) => [invoice.invoiceNo, type, String(line.position)];
    const amount = money(Math.abs(line.quantity) * line.unitPrice);
    if (line.quantity > 0) {
      lineOutcomes.push({ outcome: 'rejected', reason: 'positive-quantity-in-cancellation' });
    } else if (line.unitPrice < 0) {
      lineOutcomes.push({ outcome: 'rejected', reason: 'invalid-unit-price' });
    } else if (stockCode.kind === 'product') {
      const orderId = products?.get(productId);
      if (orderId === undefined) unmatched += 1;
      else matched += 1;
      messages.push(
        message(invoice, 'ReturnRequested', 1, idParts('ReturnRequested'), {
          returnId: id,
          ...(orderId === undefined ? {} : { orderId }),
          productId,
          sku: line.stockCode,
          quantity: Math.abs(line.quantity),
          reason: 'other',
          channel: 'web',
        }),
      );
      // A zero-price credit gives nothing back: the return stands, a refund of 0 would be noise.
      if (amount > 0) {
        messages.push(message(invoice, 'ReturnRefunded', 1, idParts('ReturnRefunded'), { returnId: id, amount, currency }));
      }
      lineOutcomes.push({ outcome: 'mapped' });
    } else if (stockCode.refundable && amount > 0) {
      messages.push(
        message(invoice, 'RefundIssued', 1, idParts('RefundIssued'), {
          refundId: id,
          amount,
          currency,
          reason: `${stockCode.label} credited`,
        }),
      );
      lineOutcomes.push({ outcome: 'mapped' });
    } else {
      lineOutcomes.push({ outcome: 'skipped', reason: 'non-product-line', nonProductCode: productId });
    }
  }
  return { messages, lineOutcomes, matched, unmatched };
}

/**
 * One invoice of a known customer → its ingestion messages, in stream order:
 * the party's registration and country first, then what the invoice says.
 * Updates `memory` with what later invoices need.
 */
export function mapInvoice(memory: MappingMemory, invoice: Invoice): InvoiceMapping {
  const party = partyMessages(memory, invoice);
  const notes = { unknownCountry: party.unknownCountry, returnsMatched: 0, returnsUnmatched: 0, zeroPriceOrderLines: 0 };
  switch (invoice.kind) {
    case 'sale': {
      const sale = mapSale(memory, invoice);
      return {
        messages: [...party.messages, ...sale.messages],
        lineOutcomes: sale.lineOutcomes,
        notes: { ...notes, zeroPriceOrderLines: sale.zeroPriceOrderLines },
      };
    }
    case 'cancellation': {
      const cancellation = mapCancellation(memory, invoice);
      return {
        messages: [...party.messages, ...cancellation.messages],
        lineOutcomes: cancellation.lineOutcomes,
        notes: { ...notes, returnsMatched: cancellation.matched, returnsUnmatched: cancellation.unmatched },
      };
    }
    case 'adjustment':
      return {
        messages: party.messages,
        lineOutcomes: invoice.lines.map(() => ({ outcome: 'skipped', reason: 'bad-debt-adjustment' }) as const),
        notes,
      };
  }
}
