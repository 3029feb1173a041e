import { Actor } from '@cdp/event-model';
import { Rejection } from '@cdp/ingestion';
import { IncomingMessage, IngestionService } from '../ingestion.service';
import { addResults, emptySummary, ImportSummary } from './import-summary';

export interface ImportItem {
  incoming: IncomingMessage;
  /** The event type, for the summary (empty when the message could not be read). */
  type: string;
  /** Where the message is in its file, e.g. "line 12", for the rejects file. */
  position: string;
  /** The message as read, kept for the rejects file. */
  original: string;
}

export interface ImportOptions {
  ingestion: IngestionService;
  actor: Actor;
  /** Messages ingested together: big enough for group commit, small enough to report progress often. */
  batchSize: number;
  onProgress(summary: ImportSummary): void;
  onRejected(item: ImportItem, rejection: Rejection): void;
}

/** Feeds messages through the one write path, a batch at a time, and tallies what became of them. */
export async function runImport(items: AsyncIterable<ImportItem>, { ingestion, actor, batchSize, onProgress, onRejected }: ImportOptions): Promise<ImportSummary> {
  const summary = emptySummary();
  let batch: ImportItem[] = [];
  const flush = async () => {
    const results = await ingestion.ingest(
      batch.map((item) => item.incoming),
      actor,
    );
    addResults(summary, results, batch.map((item) => item.type));
    results.forEach((result, index) => {
      if (result.status === 'rejected') onRejected(batch[index], result);
    });
    batch = [];
    onProgress(summary);
  };
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return summary;
}
