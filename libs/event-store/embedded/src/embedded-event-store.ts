import { mkdirSync } from 'node:fs';
import { NewEvent, RecordedEvent } from '@cdp/event-model';
import {
  AppendResult,
  compileFilter,
  DeleteExpectedRevision,
  EventStore,
  EventStoreUnavailableError,
  ExpectedRevision,
  InvalidEventStoreArgumentError,
  MaxAppendSizeExceededError,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StreamDeletedError,
  StreamMetadata,
  StreamNotFoundError,
  SubscribeToAllOptions,
  Subscription,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { subscribeToLog } from './all-subscription';
import { checkExpectedRevision, matchRetry } from './append-rules';
import { ChangeSignal } from './change-signal';
import { decodeEvent, decodePosition, encodePosition, uuidToBytes } from './event-codec';
import { GroupCommit } from './group-commit';
import { streamState } from './schema';
import { Durability, InsertedEvent, SqliteLog, StreamRow } from './sqlite-log';
import { firstVisibleRevision, oldestVisibleTime } from './stream-visibility';
import { WriterLock } from './writer-lock';

export interface EmbeddedEventStoreOptions {
  /** The folder holding `events.sqlite`; created if missing. */
  dataDir: string;
  /** `full` (default) survives power loss; `normal` survives a process crash and appends faster. */
  durability?: Durability;
  /** Read-only: no writer lock, several may run beside the writer (other processes see appends by polling). */
  readOnly?: boolean;
  /** Same default as EventStoreDB's MaxAppendSize: 1 MiB per append. */
  maxAppendSize?: number;
  /** Events per read query. */
  pageSize?: number;
  /** How often a live subscription looks for appends made by another process. */
  pollIntervalMs?: number;
  /** The clock for recorded times and max-age (tests). */
  now?: () => number;
}

type PreparedEvent = Omit<InsertedEvent, 'streamKey' | 'revision' | 'recordedAt'>;

/** The default event store: one SQLite file in WAL mode. Crash-safe, one writer, many readers. */
export class EmbeddedEventStore implements EventStore {
  private readonly log: SqliteLog;
  private readonly lock?: WriterLock;
  private readonly changes = new ChangeSignal();
  private readonly commits?: GroupCommit;
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxAppendSize: number;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly now: () => number;
  private open = true;
  /** Set when close() starts: new appends are refused while the last group commit drains. */
  private closing = false;

  constructor(options: EmbeddedEventStoreOptions) {
    const readOnly = options.readOnly ?? false;
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? (readOnly ? 50 : 1000);
    this.now = options.now ?? Date.now;
    if (!readOnly) {
      mkdirSync(options.dataDir, { recursive: true });
      this.lock = WriterLock.acquire(options.dataDir);
    }
    try {
      this.log = new SqliteLog(options.dataDir, { durability: options.durability ?? 'full', readOnly });
    } catch (error) {
      this.lock?.release();
      throw error;
    }
    if (!readOnly) this.commits = new GroupCommit(this.log.db, () => this.changes.notify());
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const commits = this.writable();
    const expected = validExpectedRevision(options.expectedRevision ?? 'any');
    const prepared = this.prepareBatch(streamId, events);
    return commits.run(() => this.appendNow(streamId, prepared, expected));
  }

  private appendNow(streamId: string, batch: PreparedEvent[], expected: ExpectedRevision): AppendResult {
    const stream = this.log.findStream(streamId);
    const lastRevision = stream ? this.log.lastRevision(stream.streamKey) : -1;
    if (stream?.state === streamState.tombstoned) throw new StreamDeletedError(streamId);
    if (stream && lastRevision >= 0) {
      const match = matchRetry(
        batch.map((e) => e.eventId),
        this.log.findIds(stream.streamKey, batch.map((e) => e.eventId)),
      );
      if (match.kind === 'retry') {
        return { nextExpectedRevision: match.lastRevision, position: encodePosition(match.lastPosition) };
      }
      if (match.kind === 'conflict') throw new WrongExpectedVersionError(streamId, expected, lastRevision);
    }
    checkExpectedRevision(streamId, stream && { state: stream.state, lastRevision }, expected);

    const streamKey = stream?.streamKey ?? this.log.insertStream(streamId);
    // Appending to a soft-deleted stream brings it back, its old events hidden (EventStoreDB's behaviour).
    if (stream?.state === streamState.softDeleted) this.log.setState(streamKey, streamState.live, lastRevision + 1);
    const recordedAt = this.now();
    let position = 0;
    batch.forEach((event, i) => {
      position = this.log.insertEvent({ ...event, streamKey, revision: lastRevision + 1 + i, recordedAt });
    });
    return { nextExpectedRevision: lastRevision + batch.length, position: encodePosition(position) };
  }

  private prepareBatch(streamId: string, events: readonly NewEvent[]): PreparedEvent[] {
    validStreamId(streamId);
    if (events.length === 0) throw new InvalidEventStoreArgumentError(`append to ${streamId} has no event`);
    const seen = new Set<string>();
    let size = 0;
    const batch = events.map((event) => {
      const eventId = uuidToBytes(event.eventId);
      const key = eventId.toString('hex');
      if (seen.has(key)) throw new InvalidEventStoreArgumentError(`event ${event.eventId} appears twice in one append`);
      seen.add(key);
      if (!event.type || event.type.startsWith('$')) {
        throw new InvalidEventStoreArgumentError(`event type "${event.type}" is empty or reserved ($)`);
      }
      if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
        throw new InvalidEventStoreArgumentError(`${event.type}: schemaVersion must be an integer ≥ 1`);
      }
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      size += Buffer.byteLength(data) + Buffer.byteLength(metadata) + Buffer.byteLength(event.type);
      return { eventId, type: event.type, schemaVersion: event.schemaVersion, data, metadata };
    });
    if (size > this.maxAppendSize) throw new MaxAppendSizeExceededError(streamId, size, this.maxAppendSize);
    return batch;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.readable();
    const stream = this.log.findStream(streamId);
    if (stream?.state === streamState.tombstoned) throw new StreamDeletedError(streamId);
    const lastRevision = stream ? this.log.lastRevision(stream.streamKey) : -1;
    if (!stream || lastRevision < 0 || stream.state === streamState.softDeleted) throw new StreamNotFoundError(streamId);

    const direction = options.direction ?? 'forwards';
    const lowest = firstVisibleRevision(lastRevision, stream);
    const oldest = oldestVisibleTime(stream.maxAge, this.now());
    let remaining = validCount(options.maxCount);
    let next = startRevision(options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end'), direction, lastRevision);
    while (remaining > 0) {
      this.readable();
      const rows = this.log.readStreamPage(stream.streamKey, direction, next, lowest, oldest, Math.min(remaining, this.pageSize));
      for (const row of rows) yield decodeEvent(row, streamId);
      if (rows.length === 0) return;
      remaining -= rows.length;
      const lastRead = rows[rows.length - 1][2];
      next = direction === 'forwards' ? lastRead + 1 : lastRead - 1;
      if (next < 0) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.readable();
    const wanted = compileFilter(options.filter);
    let remaining = validCount(options.maxCount);
    let from = options.fromPosition === undefined || options.fromPosition === 'start' ? 1 : decodePosition(options.fromPosition);
    while (remaining > 0) {
      this.readable();
      const rows = this.log.readAllPage(from, this.pageSize);
      for (const row of rows) {
        const streamId = row[9];
        if (!wanted({ streamId, type: row[4] })) continue;
        yield decodeEvent(row, streamId);
        if (--remaining === 0) return;
      }
      if (rows.length < this.pageSize) return;
      from = rows[rows.length - 1][0] + 1;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.readable();
    const after = options.fromPosition === undefined || options.fromPosition === 'start' ? 0 : decodePosition(options.fromPosition);
    const subscription = subscribeToLog(this.log, this.changes, {
      after,
      filter: options.filter,
      pageSize: this.pageSize,
      pollIntervalMs: this.pollIntervalMs,
      isOpen: () => this.open,
    });
    this.subscriptions.add(subscription);
    const subscriptions = this.subscriptions;
    // Forget the subscription however it ends: close(), a `break` out of for-await, or an error.
    async function* tracked() {
      try {
        yield* subscription;
      } finally {
        subscriptions.delete(subscription);
      }
    }
    const messages = tracked();
    return {
      [Symbol.asyncIterator]: () => messages,
      close: async () => {
        subscriptions.delete(subscription);
        await subscription.close();
        await messages.return(undefined);
      },
    };
  }

  async headPosition(): Promise<Position | null> {
    this.readable();
    const head = this.log.head();
    return head > 0 ? encodePosition(head) : null;
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadata> {
    this.readable();
    const stream = this.log.findStream(streamId);
    if (!stream) return {};
    if (stream.state === streamState.tombstoned) throw new StreamDeletedError(streamId);
    return toMetadata(stream);
  }

  async setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    const commits = this.writable();
    validStreamId(streamId);
    for (const key of ['truncateBefore', 'maxAge', 'maxCount'] as const) {
      const value = metadata[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
        throw new InvalidEventStoreArgumentError(`stream metadata ${key} must be an integer ≥ 0, got ${value}`);
      }
    }
    await commits.run(() => {
      const stream = this.log.findStream(streamId);
      if (stream?.state === streamState.tombstoned) throw new StreamDeletedError(streamId);
      const streamKey = stream?.streamKey ?? this.log.insertStream(streamId);
      // As in EventStoreDB, new metadata brings a soft-deleted stream back, empty: its old events stay hidden.
      const undeleted = stream?.state === streamState.softDeleted;
      if (undeleted) this.log.setState(streamKey, streamState.live, null);
      this.log.setMetadata(streamKey, {
        truncateBefore: undeleted ? this.log.lastRevision(streamKey) + 1 : (metadata.truncateBefore ?? null),
        maxAge: metadata.maxAge ?? null,
        maxCount: metadata.maxCount ?? null,
        custom: metadata.custom === undefined ? null : JSON.stringify(metadata.custom),
      });
    });
  }

  deleteStream(streamId: string, options: { expectedRevision?: DeleteExpectedRevision } = {}): Promise<void> {
    return this.markDeleted(streamId, streamState.softDeleted, options.expectedRevision ?? 'any');
  }

  tombstoneStream(streamId: string, options: { expectedRevision?: DeleteExpectedRevision } = {}): Promise<void> {
    return this.markDeleted(streamId, streamState.tombstoned, options.expectedRevision ?? 'any');
  }

  private async markDeleted(streamId: string, state: number, expectedRevision: DeleteExpectedRevision): Promise<void> {
    const commits = this.writable();
    validStreamId(streamId);
    const expected = validExpectedRevision(expectedRevision);
    await commits.run(() => {
      const stream = this.log.findStream(streamId);
      const lastRevision = stream ? this.log.lastRevision(stream.streamKey) : -1;
      // A delete checks the stream as an append would (so any, no_stream or its last revision may delete a soft-deleted stream again).
      checkExpectedRevision(streamId, stream && { state: stream.state, lastRevision }, expected);
      // Like EventStoreDB, a soft delete replaces the whole metadata.
      this.log.clearMetadata(stream?.streamKey ?? this.log.insertStream(streamId), state);
    });
  }

  async close(): Promise<void> {
    if (!this.open || this.closing) return;
    this.closing = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.commits?.drained();
    this.open = false;
    this.changes.notify();
    this.log.close();
    this.lock?.release();
  }

  private writable(): GroupCommit {
    this.readable();
    if (this.closing) throw new EventStoreUnavailableError('the event store is closing');
    if (!this.commits) throw new InvalidEventStoreArgumentError('this event store was opened read-only');
    return this.commits;
  }

  private readable(): void {
    if (!this.open) throw new EventStoreUnavailableError('the event store is closed');
  }
}

export function openEmbeddedEventStore(options: EmbeddedEventStoreOptions): EmbeddedEventStore {
  return new EmbeddedEventStore(options);
}

function toMetadata(stream: StreamRow): StreamMetadata {
  const metadata: StreamMetadata = {};
  if (stream.truncateBefore !== null) metadata.truncateBefore = stream.truncateBefore;
  if (stream.maxAge !== null) metadata.maxAge = stream.maxAge;
  if (stream.maxCount !== null) metadata.maxCount = stream.maxCount;
  if (stream.custom !== null) metadata.custom = JSON.parse(stream.custom);
  return metadata;
}

function validStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.startsWith('$')) {
    throw new InvalidEventStoreArgumentError(`stream "${streamId}" is empty or reserved ($)`);
  }
}

function validExpectedRevision(expected: ExpectedRevision): ExpectedRevision {
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new InvalidEventStoreArgumentError(`expectedRevision must be any, no_stream, stream_exists or a revision ≥ 0, got ${expected}`);
  }
  return expected;
}

function validCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(maxCount) || maxCount < 0) {
    throw new InvalidEventStoreArgumentError(`maxCount must be an integer ≥ 0, got ${maxCount}`);
  }
  return maxCount;
}

function startRevision(from: 'start' | 'end' | number, direction: 'forwards' | 'backwards', lastRevision: number): number {
  if (from === 'start') return 0;
  if (from === 'end') return direction === 'forwards' ? lastRevision + 1 : lastRevision;
  if (!Number.isSafeInteger(from) || from < 0) {
    throw new InvalidEventStoreArgumentError(`fromRevision must be start, end or a revision ≥ 0, got ${from}`);
  }
  return from;
}
