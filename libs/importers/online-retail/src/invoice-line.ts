import { RejectReason, SkipReason } from './import-outcomes';
import { ukLocalTimeToEpochMs } from './uk-local-time';

export const onlineRetailColumns = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
] as const;
export type OnlineRetailRecord = Readonly<Record<(typeof onlineRetailColumns)[number], string>>;

/** `536365` a sale, `C536379` a cancellation (credit note), `A563185` a bad-debt adjustment. */
export type InvoiceKind = 'sale' | 'cancellation' | 'adjustment';

/** One invoice line of a known customer, read and checked. */
export interface InvoiceLine {
  readonly invoiceNo: string;
  readonly invoiceKind: InvoiceKind;
  readonly stockCode: string;
  readonly description: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly invoiceDate: string;
  readonly epochMs: number;
  readonly customerId: string;
  readonly country: string;
}

export type LineReading =
  | { readonly outcome: 'line'; readonly line: InvoiceLine }
  | { readonly outcome: 'skipped'; readonly reason: SkipReason; readonly epochMs: number }
  | { readonly outcome: 'rejected'; readonly reason: RejectReason };

const invoiceNoPattern = /^([CA]?)\d+$/;
const integerPattern = /^-?\d+$/;
const pricePattern = /^-?\d+(\.\d+)?$/;
/** The file writes customer ids as decimals: `17850.0`. */
const customerIdPattern = /^(\d+)(\.0*)?$/;

const invoiceKinds: Readonly<Record<string, InvoiceKind>> = { '': 'sale', C: 'cancellation', A: 'adjustment' };

function rejected(reason: RejectReason): LineReading {
  return { outcome: 'rejected', reason };
}

export function readInvoiceLine(record: OnlineRetailRecord): LineReading {
  const invoiceNo = record.InvoiceNo.trim();
  const invoiceMatch = invoiceNoPattern.exec(invoiceNo);
  if (!invoiceMatch) return rejected('invalid-invoice-no');
  const quantityText = record.Quantity.trim();
  if (!integerPattern.test(quantityText) || Number(quantityText) === 0) return rejected('invalid-quantity');
  const priceText = record.UnitPrice.trim();
  if (!pricePattern.test(priceText)) return rejected('invalid-unit-price');
  const epochMs = ukLocalTimeToEpochMs(record.InvoiceDate);
  if (epochMs === undefined) return rejected('invalid-date');

  // Guests have no party to attach events to: checked after the format so that a broken
  // line is counted as broken whoever bought.
  const customerText = record.CustomerID.trim();
  if (customerText === '') return { outcome: 'skipped', reason: 'guest-checkout', epochMs };
  const customerMatch = customerIdPattern.exec(customerText);
  if (!customerMatch) return rejected('invalid-customer-id');

  return {
    outcome: 'line',
    line: {
      invoiceNo,
      invoiceKind: invoiceKinds[invoiceMatch[1]],
      stockCode: record.StockCode,
      description: record.Description,
      quantity: Number(quantityText),
      unitPrice: Number(priceText),
      invoiceDate: record.InvoiceDate.trim(),
      epochMs,
      customerId: customerMatch[1],
      country: record.Country,
    },
  };
}
