import { isRejection, parseIngestionBytes, parseIngestionMessage } from '@cdp/ingestion';
import { onlineRetailMessages, OnlineRetailSummaryAccumulator } from '@cdp/online-retail-import';
import { lineEventId } from './line-event-id';
import { fileLines, fileText } from './ndjson-lines';
import { ImportItem } from './run-import';

export interface ImportSource {
  items: AsyncIterable<ImportItem>;
  /** How much of the file is read, 0..1. */
  fraction(): number;
}

/** One ingestion message per line; blank lines are skipped. */
export function ndjsonSource(file: string, { maxMessageBytes, service }: { maxMessageBytes: number; service: string }): ImportSource {
  let fraction = 0;
  async function* items(): AsyncGenerator<ImportItem> {
    for await (const line of fileLines(file)) {
      fraction = line.fraction;
      if (line.text.trim() === '') continue;
      const message = parseIngestionBytes(line.text, { maxMessageBytes });
      yield {
        incoming: { message, defaultEventId: lineEventId(line.text), source: { service } },
        type: isRejection(message) ? '' : message.type,
        position: `line ${line.lineNumber}`,
        original: line.text,
      };
    }
  }
  return { items: items(), fraction: () => fraction };
}

/** The UCI Online Retail CSV, mapped to ingestion messages (docs/online-retail-import.md). */
export function onlineRetailSource(file: string, { service, summary }: { service: string; summary: OnlineRetailSummaryAccumulator }): ImportSource {
  const { chunks, fraction } = fileText(file);
  async function* items(): AsyncGenerator<ImportItem> {
    for await (const message of onlineRetailMessages(chunks, { summary })) {
      yield {
        incoming: { message: parseIngestionMessage(message), defaultEventId: message.eventId, source: { service } },
        type: message.type,
        position: `invoice ${message.correlationId}`,
        original: JSON.stringify(message),
      };
    }
  }
  return { items: items(), fraction };
}
