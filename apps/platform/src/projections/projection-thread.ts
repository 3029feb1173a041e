import { parentPort, workerData } from 'node:worker_threads';
import { platformProjections } from '@cdp/read-models';
import { openEventStore } from '../event-store/open-event-store';
import { openPersonalData } from '../personal-data/open-personal-data';
import { openReadStore } from '../read-store/open-read-store';
import { openReadModelWorkers } from './create-read-model-workers';
import { FromProjectionThread, ProjectionThreadData, ToProjectionThread } from './projection-thread-messages';

/**
 * The read model workers in a worker thread of the platform (PROJECTIONS=thread): folding and writing read models
 * get their own event loop and heap, on another core, and never hold up a request. It opens its own connections:
 * the embedded event store read-only (the platform's thread keeps the writer's lock; this one polls for appends).
 * It folds sealed events, as the projector process does; only segments on age, gender or occupation open those
 * fields, in memory, for the time of an evaluation.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('projection-thread.js runs as a worker thread of the platform, not on its own (see projector.js)');
  const data = workerData as ProjectionThreadData;
  const send = (message: FromProjectionThread) => port.postMessage(message);
  // Polled often: an append waits for the next poll before it is folded, and a poll is one indexed look-up.
  const eventStore = await openEventStore(data.eventStore, { readOnly: true, pollIntervalMs: 10 });
  const readStore = await openReadStore(data.readStore);
  const personalData = await openPersonalData(data.personalData);
  const workers = await openReadModelWorkers(
    { config: data, projections: platformProjections(data.projections), stores: { eventStore, readStore }, onError: (error, projection, context) => send({ kind: 'error', projection, context, error: serialisable(error) }) },
    personalData,
  );
  port.once('message', (message: ToProjectionThread) => {
    if (message.kind !== 'stop') return;
    // The batches in flight are written and their checkpoints saved before the stores close.
    void workers
      .stop()
      .finally(() => Promise.allSettled([readStore.close(), eventStore.close(), personalData.close()]))
      .then(() => {
        send({ kind: 'stopped' });
        port.close();
      });
  });
  await workers.start();
  send({ kind: 'started' });
}

function serialisable(error: unknown): { name: string; message: string; stack?: string } {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { name: 'Error', message: String(error) };
}

// Unhandled, a failure ends the thread and reaches the platform's thread as the worker's 'error' event.
void main();
