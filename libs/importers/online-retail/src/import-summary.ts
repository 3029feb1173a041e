import { RejectReason, SkipReason } from './import-outcomes';
import { IngestionMessage } from './ingestion-message';
import { InvoiceNotes, LineOutcome } from './mapping/map-invoice';

export interface OnlineRetailImportSummary {
  readonly linesRead: number;
  /** Lines that went into a message; mapped + skipped + rejected = linesRead. */
  readonly linesMapped: number;
  readonly linesSkipped: number;
  readonly linesRejected: number;
  readonly skippedByReason: Readonly<Partial<Record<SkipReason, number>>>;
  readonly rejectedByReason: Readonly<Partial<Record<RejectReason, number>>>;
  /** The non-product lines that became no message, by normalised stock code. */
  readonly skippedNonProductByCode: Readonly<Record<string, number>>;
  readonly messages: number;
  readonly messagesByType: Readonly<Record<string, number>>;
  /** Distinct customers that have at least one line read (each one is registered). */
  readonly customers: number;
  readonly invoicesMapped: number;
  readonly returnsMatchedToOrder: number;
  readonly returnsWithoutOrder: number;
  readonly zeroPriceOrderLines: number;
  /** Country names outside the table: the line is mapped, the country is not recorded. */
  readonly unknownCountries: Readonly<Record<string, number>>;
  /** UTC, over every line read well (guests included). */
  readonly firstOccurredAt?: string;
  readonly lastOccurredAt?: string;
}

function increment<K extends string>(counts: Partial<Record<K, number>>, key: K, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Counts what an import did; fed by `onlineRetailMessages`, read with `snapshot()`. */
export class OnlineRetailSummaryAccumulator {
  private linesRead = 0;
  private linesMapped = 0;
  private readonly skipped: Partial<Record<SkipReason, number>> = {};
  private readonly rejected: Partial<Record<RejectReason, number>> = {};
  private readonly nonProduct: Record<string, number> = {};
  private readonly messagesByType: Record<string, number> = {};
  private readonly unknownCountries: Record<string, number> = {};
  private readonly customers = new Set<string>();
  private invoicesMapped = 0;
  private returnsMatched = 0;
  private returnsUnmatched = 0;
  private zeroPriceOrderLines = 0;
  private firstMs?: number;
  private lastMs?: number;

  lineRead(epochMs?: number): void {
    this.linesRead += 1;
    if (epochMs === undefined) return;
    if (this.firstMs === undefined || epochMs < this.firstMs) this.firstMs = epochMs;
    if (this.lastMs === undefined || epochMs > this.lastMs) this.lastMs = epochMs;
  }

  lineSkipped(reason: SkipReason, nonProductCode?: string): void {
    increment(this.skipped, reason);
    if (nonProductCode !== undefined) increment(this.nonProduct, nonProductCode);
  }

  lineRejected(reason: RejectReason): void {
    increment(this.rejected, reason);
  }

  invoiceMapped(customerId: string, lineOutcomes: readonly LineOutcome[], notes: InvoiceNotes): void {
    this.invoicesMapped += 1;
    this.customers.add(customerId);
    for (const line of lineOutcomes) {
      if (line.outcome === 'mapped') this.linesMapped += 1;
      else if (line.outcome === 'skipped') this.lineSkipped(line.reason, line.nonProductCode);
      else this.lineRejected(line.reason);
    }
    this.returnsMatched += notes.returnsMatched;
    this.returnsUnmatched += notes.returnsUnmatched;
    this.zeroPriceOrderLines += notes.zeroPriceOrderLines;
    if (notes.unknownCountry !== undefined) increment(this.unknownCountries, notes.unknownCountry);
  }

  messageEmitted(message: IngestionMessage): void {
    increment(this.messagesByType, message.type);
  }

  snapshot(): OnlineRetailImportSummary {
    const sum = (counts: Partial<Record<string, number>>) => Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
    return {
      linesRead: this.linesRead,
      linesMapped: this.linesMapped,
      linesSkipped: sum(this.skipped),
      linesRejected: sum(this.rejected),
      skippedByReason: { ...this.skipped },
      rejectedByReason: { ...this.rejected },
      skippedNonProductByCode: { ...this.nonProduct },
      messages: sum(this.messagesByType),
      messagesByType: { ...this.messagesByType },
      customers: this.customers.size,
      invoicesMapped: this.invoicesMapped,
      returnsMatchedToOrder: this.returnsMatched,
      returnsWithoutOrder: this.returnsUnmatched,
      zeroPriceOrderLines: this.zeroPriceOrderLines,
      unknownCountries: { ...this.unknownCountries },
      ...(this.firstMs === undefined ? {} : { firstOccurredAt: new Date(this.firstMs).toISOString() }),
      ...(this.lastMs === undefined ? {} : { lastOccurredAt: new Date(this.lastMs).toISOString() }),
    };
  }
}
