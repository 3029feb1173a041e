import { isDeepStrictEqual } from 'node:util';
import { Decider, EventDraft } from '@cdp/customer';
import { EventMetadataInput, NewEvent, RecordedEvent } from '@cdp/event-model';
import { EventStore, Position, WrongExpectedVersionError } from '@cdp/event-store';
import { EventIdReusedError } from './event-id-reused-error';
import { eventIdsFor } from '@cdp/ingestion';
import { foldStream } from './stream-state';

export interface CommandToHandle<State, Command, Event extends EventDraft> {
  store: EventStore;
  streamId: string;
  decider: Decider<State, Command, Event>;
  command: Command;
  /** Makes the command idempotent: the id of its first event. */
  eventId: string;
  metadata: EventMetadataInput;
  /** Attempts when another writer appends to the stream between our read and our append. */
  maxAttempts?: number;
}

export interface HandledCommand {
  streamId: string;
  eventIds: string[];
  /** The revision of the stream's last event once the command is recorded. */
  revision: number | null;
  /** The global position of the command's last event; null when the command changed nothing. */
  position: Position | null;
  /** True when the command had already been recorded (a client retry): nothing new was appended. */
  replayed: boolean;
}

/**
 * Load, decide, append with optimistic concurrency, and retry on a conflict. The stream is
 * the only lock: two writers deciding on the same state cannot both append.
 */
export async function handleCommand<State, Command, Event extends EventDraft>(
  handling: CommandToHandle<State, Command, Event>,
): Promise<HandledCommand> {
  const maxAttempts = handling.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptCommand(handling);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= maxAttempts) throw error;
    }
  }
}

async function attemptCommand<State, Command, Event extends EventDraft>({
  store,
  streamId,
  decider,
  command,
  eventId,
  metadata,
}: CommandToHandle<State, Command, Event>): Promise<HandledCommand> {
  let earlier: { event: RecordedEvent; stateBefore: State } | undefined;
  const recordedById = new Map<string, RecordedEvent>();
  const { state, revision } = await foldStream(store, streamId, {
    initialState: decider.initialState,
    evolve: decider.evolve,
    onEvent: (event, stateBefore) => {
      recordedById.set(event.eventId, event);
      if (event.eventId === eventId) earlier = { event, stateBefore };
    },
  });

  if (earlier) return replay(streamId, earlier, decider.decide(command, earlier.stateBefore), eventId, recordedById);

  const drafts = decider.decide(command, state);
  if (drafts.length === 0) {
    return { streamId, eventIds: [], revision: revision === 'no_stream' ? null : revision, position: null, replayed: false };
  }
  const ids = eventIdsFor(eventId, drafts.length);
  const events: NewEvent[] = drafts.map((draft, index) => ({
    eventId: ids[index],
    type: draft.type,
    schemaVersion: draft.schemaVersion,
    data: draft.data as NewEvent['data'],
    metadata,
  }));
  const result = await store.appendToStream(streamId, events, { expectedRevision: revision });
  return { streamId, eventIds: ids, revision: result.nextExpectedRevision, position: result.position, replayed: false };
}

/** The command was recorded before: answer as the first time, unless its content differs. */
function replay<State>(
  streamId: string,
  earlier: { event: RecordedEvent; stateBefore: State },
  drafts: EventDraft[],
  eventId: string,
  recordedById: Map<string, RecordedEvent>,
): HandledCommand {
  const ids = eventIdsFor(eventId, drafts.length);
  const recorded = ids.map((id) => recordedById.get(id));
  const same = drafts.every((draft, index) => {
    const event = recorded[index];
    return event !== undefined && event.type === draft.type && isDeepStrictEqual(event.data, asJson(draft.data));
  });
  if (!same) throw new EventIdReusedError(streamId, earlier.event.eventId);
  const last = recorded[recorded.length - 1] as RecordedEvent;
  return { streamId, eventIds: ids, revision: last.revision, position: last.position, replayed: true };
}

function asJson(value: object): unknown {
  return JSON.parse(JSON.stringify(value));
}
