import { EventStore, Position } from '@cdp/event-store';
import { ProjectionDefinition, ProjectionWorker } from '@cdp/projection-engine';
import { ReadStore } from '@cdp/read-store';
import { countingReadStore, WriteCounts } from './counting-read-store';

export interface RebuildRun {
  /** Events of the projection's types folded (its checkpoint's eventsApplied). */
  events: number;
  seconds: number;
  /** False when the time limit ran out first: the figures are then those of the part done. */
  complete: boolean;
  writes: WriteCounts;
  /** Documents in the collection at the end. */
  documents: number;
  position: Position | null;
  maxBatchEvents: number;
  documentCacheSize: number;
}

export interface RebuildOptions {
  eventStore: EventStore;
  /** Fresh: nothing of the projection in it yet. */
  readStore: ReadStore;
  projection: ProjectionDefinition;
  /** The last event to fold. */
  upTo: Position;
  /** Stops the rebuild after this long and reports the part done. */
  timeLimitMs?: number;
  onProgress?: (eventsApplied: number, elapsedMs: number) => void;
}

/** The engine's defaults, which the platform runs with (PROJECTION_BATCH_EVENTS and the cache size it does not change). */
const maxBatchEvents = 2_000;
const documentCacheSize = 10_000;

/**
 * Rebuilds one projection from the first event up to `upTo` as the platform's worker does, timed from
 * `start` to the checkpoint of the last event saved (`waitUntilCaughtUp`), then `stop`.
 */
export async function timeRebuild({ eventStore, readStore, projection, upTo, timeLimitMs, onProgress }: RebuildOptions): Promise<RebuildRun> {
  const { store, counts } = countingReadStore(readStore);
  if ((await store.loadCheckpoint(projection.name)) !== null) throw new Error(`the read store already holds a checkpoint of ${projection.name}`);
  const worker = new ProjectionWorker({
    eventStore,
    readStore: store,
    projections: [projection],
    maxBatchEvents,
    documentCacheSize,
    onError: (error, name, context) => process.stderr.write(`  ${name}: ${context.kind} error: ${String(error)}\n`),
  });
  const started = performance.now();
  // On the embedded stores every call is synchronous underneath, so timers (this one, and the poll of
  // waitUntilCaughtUp) run only when the worker waits: progress then shows only on FerretDB, and the poll
  // runs as soon as the worker has folded the last event and waits for more.
  const progress = setInterval(() => {
    void store.loadCheckpoint(projection.name).then((checkpoint) => onProgress?.(checkpoint?.eventsApplied ?? 0, performance.now() - started));
  }, 5_000);
  try {
    await worker.start();
    let complete = true;
    try {
      // Polled every 20 ms: the time measured ends at most that long after the last checkpoint.
      await worker.waitUntilCaughtUp(upTo, { timeoutMs: timeLimitMs ?? 24 * 3600_000, pollMs: 20 });
    } catch {
      // Only the time limit makes it throw (a failed projection counts as settled, checked below).
      complete = false;
    }
    await worker.stop();
    // Stopping writes the batch in hand: its events count, and so does the time to write them.
    const seconds = (performance.now() - started) / 1000;
    const [status] = await worker.statuses();
    if (status.state === 'failed') throw new Error(`${projection.name} failed: ${JSON.stringify(status.error)}`);
    const collection = await readStore.collection(projection.collection);
    return {
      events: status.eventsApplied,
      seconds,
      complete,
      writes: { ...counts },
      documents: await collection.count(),
      position: status.position,
      maxBatchEvents,
      documentCacheSize,
    };
  } finally {
    clearInterval(progress);
    await worker.stop();
  }
}
