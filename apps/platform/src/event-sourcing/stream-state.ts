import { eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { CurrentRevision, EventStore, StreamNotFoundError } from '@cdp/event-store';

export interface FoldOptions<State, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  /** Called with each event and the state just before it, e.g. to find an earlier attempt of a command. */
  onEvent?(event: RecordedEvent, stateBefore: State): void;
}

export interface StreamState<State> {
  state: State;
  /** The revision of the last event read: the expected revision of the next append. */
  revision: CurrentRevision;
}

/** Reads a whole stream, upcasting each event to its current shape, and folds it. A missing stream is the initial state. */
export async function foldStream<State, Event>(
  store: EventStore,
  streamId: string,
  { initialState, evolve, onEvent }: FoldOptions<State, Event>,
): Promise<StreamState<State>> {
  let state = initialState();
  let revision: CurrentRevision = 'no_stream';
  try {
    for await (const recorded of store.readStream(streamId)) {
      const event = eventCatalogue.upcast(recorded);
      onEvent?.(event, state);
      state = evolve(state, event as unknown as Event);
      revision = event.revision;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { state, revision };
}
