import { NewEvent, RecordedEvent } from '@cdp/event-model';
import { EventFilter } from './event-filter';
import { DeleteExpectedRevision, ExpectedRevision } from './expected-revision';
import { Position } from './position';
import { StreamMetadata } from './stream-metadata';
import { Subscription } from './subscription';

export interface AppendResult {
  /** The revision of the last event written (or, for an idempotent retry, of the original batch). */
  nextExpectedRevision: number;
  /** The global position of that event. */
  position: Position;
}

export interface ReadStreamOptions {
  /** Inclusive: `start`, `end` or a revision. Default: `start` forwards, `end` backwards. */
  fromRevision?: 'start' | 'end' | number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Inclusive: the event at this position comes first. Default: the beginning of the log. */
  fromPosition?: 'start' | Position;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive: a checkpoint, the first event delivered is the one after it. Default: the beginning of the log. */
  fromPosition?: 'start' | Position;
  filter?: EventFilter;
}

/**
 * The system of record. Semantics follow EventStoreDB, so that a deployment can move to it
 * without any change above this port. `$`-prefixed (system) streams and types never appear.
 * Reads are paged by the adapter: a consumer may iterate millions of events in constant memory.
 */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;

  /** Throws `StreamNotFoundError` (missing or soft-deleted) or `StreamDeletedError` (tombstoned) on first iteration. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Forwards through the global log, user events only. Deleted and truncated events appear until a scavenge. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /** Catch-up from a checkpoint, then live, without gap or duplicate at the switch. */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;

  /** The position of the last event in the log, or null when the log holds no user event. */
  headPosition(): Promise<Position | null>;

  getStreamMetadata(streamId: string): Promise<StreamMetadata>;
  setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void>;

  /** Soft delete: reads fail with `StreamNotFoundError`; appending again continues the revisions. */
  deleteStream(streamId: string, options?: { expectedRevision?: DeleteExpectedRevision }): Promise<void>;

  /** Hard delete: the stream can never be read or written again. */
  tombstoneStream(streamId: string, options?: { expectedRevision?: DeleteExpectedRevision }): Promise<void>;

  close(): Promise<void>;
}
