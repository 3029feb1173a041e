import { readCsvRecords } from './csv/read-csv-records';
import { OnlineRetailImportSummary, OnlineRetailSummaryAccumulator } from './import-summary';
import { IngestionMessage } from './ingestion-message';
import { readInvoiceLine } from './invoice-line';
import { Invoice } from './invoices/invoice';
import { InvoiceAssembler } from './invoices/invoice-assembler';
import { mapInvoice } from './mapping/map-invoice';
import { emptyMappingMemory } from './mapping/mapping-memory';

export interface OnlineRetailImportOptions {
  /** Receives the counts as the import goes; read it with `snapshot()` once the messages are consumed. */
  readonly summary?: OnlineRetailSummaryAccumulator;
  /**
   * How long (in file time) an invoice stays open for lines that arrive out of place. Default 10 minutes;
   * the real file's one split invoice resumes after two lines and within a minute.
   */
  readonly invoiceWindowMinutes?: number;
}

/**
 * The Online Retail CSV text (already gunzipped) → ingestion messages, streaming.
 * Memory holds the invoices still open, plus what the mapping must remember per customer
 * (last country, latest order of each product). The generator's return value is the summary.
 */
export async function* onlineRetailMessages(
  csv: AsyncIterable<string | Buffer>,
  options: OnlineRetailImportOptions = {},
): AsyncGenerator<IngestionMessage, OnlineRetailImportSummary, undefined> {
  const summary = options.summary ?? new OnlineRetailSummaryAccumulator();
  const assembler = new InvoiceAssembler((options.invoiceWindowMinutes ?? 10) * 60_000);
  const memory = emptyMappingMemory();

  function* emit(invoices: readonly Invoice[]): Generator<IngestionMessage> {
    for (const invoice of invoices) {
      const mapping = mapInvoice(memory, invoice);
      summary.invoiceMapped(invoice.customerId, mapping.lineOutcomes, mapping.notes);
      for (const message of mapping.messages) {
        summary.messageEmitted(message);
        yield message;
      }
    }
  }

  for await (const item of readCsvRecords(csv)) {
    if ('malformed' in item) {
      summary.lineRead();
      summary.lineRejected('malformed-csv');
      continue;
    }
    const reading = readInvoiceLine(item.record);
    if (reading.outcome === 'rejected') {
      summary.lineRead();
      summary.lineRejected(reading.reason);
    } else if (reading.outcome === 'skipped') {
      summary.lineRead(reading.epochMs);
      summary.lineSkipped(reading.reason);
    } else {
      summary.lineRead(reading.line.epochMs);
      const assembled = assembler.add(reading.line);
      if (assembled.rejected) summary.lineRejected(assembled.rejected);
      yield* emit(assembled.closed);
    }
  }
  yield* emit(assembler.closeAll());
  return summary.snapshot();
}
