import { RejectReason } from '../import-outcomes';
import { InvoiceLine } from '../invoice-line';
import { Invoice, PositionedLine } from './invoice';

interface OpenInvoice {
  readonly invoice: Invoice & { lines: PositionedLine[] };
  lastEpochMs: number;
}

export type AssemblyResult = { readonly closed: readonly Invoice[]; readonly rejected?: RejectReason };

/**
 * Gathers the lines of each invoice. The lines of an invoice are nearly always contiguous, but not
 * always (in the real file C542805 sits inside 542806), so an invoice stays open until the file's
 * clock has moved `windowMs` past its last line; the file is in time order, so that bounds memory.
 * Invoices close in the order they opened, so an order is always emitted before a later return of it.
 * Numbers of closed invoices are kept: a line of one arriving later is rejected rather than emitted
 * as a second OrderPlaced with the same id.
 */
export class InvoiceAssembler {
  private readonly open = new Map<string, OpenInvoice>();
  private readonly closedNumbers = new Set<string>();

  constructor(private readonly windowMs: number) {}

  add(line: InvoiceLine): AssemblyResult {
    if (this.closedNumbers.has(line.invoiceNo)) return { closed: this.closeBefore(line.epochMs), rejected: 'invoice-reopened' };
    const open = this.open.get(line.invoiceNo);
    if (open && open.invoice.customerId !== line.customerId) {
      return { closed: this.closeBefore(line.epochMs), rejected: 'customer-differs-within-invoice' };
    }
    if (open) {
      open.invoice.lines.push({ ...line, position: open.invoice.lines.length + 1 });
      open.lastEpochMs = Math.max(open.lastEpochMs, line.epochMs);
    } else {
      this.open.set(line.invoiceNo, {
        invoice: {
          invoiceNo: line.invoiceNo,
          kind: line.invoiceKind,
          customerId: line.customerId,
          country: line.country,
          epochMs: line.epochMs,
          lines: [{ ...line, position: 1 }],
        },
        lastEpochMs: line.epochMs,
      });
    }
    return { closed: this.closeBefore(line.epochMs) };
  }

  /** At the end of the file: every invoice still open is complete. */
  closeAll(): Invoice[] {
    return this.closeBefore(Number.POSITIVE_INFINITY);
  }

  get openCount(): number {
    return this.open.size;
  }

  private closeBefore(nowMs: number): Invoice[] {
    const closed: Invoice[] = [];
    for (const [invoiceNo, open] of this.open) {
      if (nowMs - open.lastEpochMs <= this.windowMs) break;
      this.open.delete(invoiceNo);
      this.closedNumbers.add(invoiceNo);
      closed.push(open.invoice);
    }
    return closed;
  }
}
