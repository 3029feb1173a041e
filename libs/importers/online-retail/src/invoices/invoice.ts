import { InvoiceKind, InvoiceLine } from '../invoice-line';

/** An invoice line with its 1-based position among the lines of its invoice (part of ids). */
export interface PositionedLine extends InvoiceLine {
  readonly position: number;
}

/** The lines of one invoice, assembled; customer, country and time are the first line's. */
export interface Invoice {
  readonly invoiceNo: string;
  readonly kind: InvoiceKind;
  readonly customerId: string;
  readonly country: string;
  readonly epochMs: number;
  readonly lines: readonly PositionedLine[];
}
