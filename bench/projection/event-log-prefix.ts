import { RecordedEvent } from '@cdp/event-model';
import { EventStore, Position, ReadAllOptions, SubscribeToAllOptions, Subscription, SubscriptionMessage } from '@cdp/event-store';

/** The position of the `n`-th event of the log (1-based), or of the last one when the log holds fewer. */
export async function positionOfEvent(store: EventStore, n: number): Promise<Position> {
  let position: Position | null = null;
  for await (const event of store.readAll({ maxCount: n })) position = event.position;
  if (position === null) throw new Error('the event store is empty');
  return position;
}

/**
 * A read-only view of `store` whose log ends at `last`: its head is `last`, reads stop there, and a
 * subscription says it caught up there and then waits, as if nothing newer had been written. So a worker
 * rebuilds exactly the events up to `last`, and `waitUntilCaughtUp` returns once they are saved.
 */
export function eventLogUpTo(store: EventStore, last: Position): EventStore {
  const readOnly = () => Promise.reject(new Error('this view of the event store is read-only'));
  return {
    appendToStream: readOnly,
    setStreamMetadata: readOnly,
    deleteStream: readOnly,
    tombstoneStream: readOnly,
    getStreamMetadata: (streamId) => store.getStreamMetadata(streamId),
    // Streams are read whole: no projection of this benchmark reads one.
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => readAllUpTo(store, last, options),
    subscribeToAll: (options) => subscribeUpTo(store, last, options),
    headPosition: async () => {
      const head = await store.headPosition();
      return head === null || head < last ? head : last;
    },
    close: async () => undefined,
  };
}

async function* readAllUpTo(store: EventStore, last: Position, options?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
  for await (const event of store.readAll(options)) {
    if (event.position > last) return;
    yield event;
  }
}

function subscribeUpTo(store: EventStore, last: Position, options?: SubscribeToAllOptions): Subscription {
  const inner = store.subscribeToAll(options);
  let closed = false;
  let release = () => undefined as void;
  const closing = new Promise<void>((resolve) => (release = resolve));

  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let caughtUp = false;
    for await (const message of inner) {
      if (closed) return;
      const position = message.kind === 'event' ? message.event.position : message.position;
      if (position !== null && position > last) break;
      yield message;
      caughtUp = message.kind === 'caughtUp';
      if (caughtUp || position === last) break;
    }
    if (closed) return;
    if (!caughtUp) yield { kind: 'caughtUp', position: last };
    // Live from here, and nothing more is ever written to this log.
    await closing;
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      release();
      await inner.close();
      await iterator.return(undefined);
    },
  };
}
