import { ReadCollection, ReadDocument } from '@cdp/read-store';

export interface CeilingRun {
  documents: number;
  batches: number;
  /** The bulkReplace calls and the index creation; reading the documents to write is not timed. */
  seconds: number;
  /** Of `seconds`: creating the secondary indexes once the documents were written (as the rebuild does). */
  indexSeconds: number;
  /** False when the time limit ran out first. */
  complete: boolean;
}

export interface CeilingOptions {
  /** Where the final documents are read from (untimed). */
  source: ReadCollection;
  /** A fresh collection of the same definition, opened with its secondary indexes deferred, as a rebuild opens it. */
  target: ReadCollection;
  /** Creates the deferred indexes (timed, as the rebuild's are). */
  createIndexes: () => Promise<unknown>;
  /** Every id of the source, in the order to write them (shuffled: the engine's batches hit customers all over). */
  ids: readonly string[];
  /** Document writes in all: as many as the rebuild made, cycling over the ids. */
  writes: number;
  /** Documents per bulkReplace: the rebuild's mean per write batch. */
  batchSize: number;
  /** Stops after this long (reading included) and reports the part done. */
  timeLimitMs?: number;
  onProgress?: (documents: number, seconds: number) => void;
}

/** Batches read ahead and then written back to back, so that reading leaves few gaps between the timed writes. */
const batchesPerChunk = 10;

/**
 * The store's raw bulk-upsert throughput for the documents a rebuild wrote: the same number of writes, in
 * batches of the same size, the first pass over the ids inserting and the following ones replacing, as in
 * the rebuild (where a document is inserted once and replaced at each later batch that touches it).
 */
export async function timeBulkReplace({ source, target, createIndexes, ids, writes, batchSize, timeLimitMs, onProgress }: CeilingOptions): Promise<CeilingRun> {
  if (ids.length === 0) throw new Error('no document to write');
  const deadline = performance.now() + (timeLimitMs ?? Number.POSITIVE_INFINITY);
  let next = 0;
  let documents = 0;
  let batches = 0;
  let ms = 0;
  let reported = performance.now();
  while (documents < writes) {
    if (performance.now() > deadline) return { documents, batches, seconds: ms / 1000, indexSeconds: 0, complete: false };
    const chunk: ReadDocument[][] = [];
    for (let k = 0; k < batchesPerChunk && documents + chunk.length * batchSize < writes; k++) {
      const size = Math.min(batchSize, writes - documents - chunk.length * batchSize);
      const batchIds = Array.from({ length: size }, () => ids[next++ % ids.length]);
      const found = await source.getMany(batchIds);
      chunk.push(batchIds.map((id) => found.get(id) ?? missing(id)));
    }
    for (const batch of chunk) {
      if (performance.now() > deadline) return { documents, batches, seconds: ms / 1000, indexSeconds: 0, complete: false };
      const started = performance.now();
      await target.bulkReplace(batch);
      ms += performance.now() - started;
      batches++;
      documents += batch.length;
    }
    if (performance.now() - reported > 5_000) {
      reported = performance.now();
      onProgress?.(documents, ms / 1000);
    }
  }
  const indexing = performance.now();
  await createIndexes();
  const indexSeconds = (performance.now() - indexing) / 1000;
  return { documents, batches, seconds: ms / 1000 + indexSeconds, indexSeconds, complete: true };
}

function missing(id: string): never {
  throw new Error(`document ${id} is missing from the source collection`);
}
