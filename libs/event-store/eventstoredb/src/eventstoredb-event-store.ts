import { ANY, EventStoreDBClient } from '@eventstore/db-client';
import type { ExpectedRevision as ClientDeleteExpectedRevision, Position as ClientPosition } from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '@cdp/event-model';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  InvalidEventStoreArgumentError,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StreamMetadata,
  StreamNotFoundError,
  SubscribeToAllOptions,
  Subscription,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { checkNewEvents, checkStreamId, nonNegativeInteger } from './argument-checks';
import { BackoffPolicy, defaultResubscribeBackoff } from './backoff';
import { openClientSubscription } from './client-subscription';
import { appendSize, toEventData } from './envelope-codec';
import { isTransientClientError, toPortError } from './error-mapping';
import { findEventPosition, findHeadPosition, readAllPaged, readStreamPaged } from './paged-reads';
import { decodePosition, encodePosition } from './position-codec';
import { ResubscribingSubscription } from './resubscribing-subscription';
import { RetriedAppendPositionUnknownError } from './retried-append-position-unknown-error';
import { toClientExpectedRevision } from './revision-mapping';
import { fromClientStreamMetadata, serverSettingsOf, toClientStreamMetadata } from './stream-metadata-mapping';

export interface EventStoreDbOptions {
  /** Events per read request (readStream, readAll). Default 500. */
  readPageSize?: number;
  /** Subscriptions get a checkpoint every `checkpointInterval` × 32 events the server examined. Default 32. */
  checkpointInterval?: number;
  /** Events a subscription buffers ahead of its consumer before it stops reading. Default 128. */
  subscriptionBufferSize?: number;
  /** Waits between resubscriptions after the server dropped a subscription. Default 100 ms doubling to 5 s. */
  resubscribeBackoff?: BackoffPolicy;
  /** Called each time the server drops a subscription, before the wait that precedes resubscribing. */
  onDrop?(error: unknown, attempt: number): void;
}

export interface EventStoreDbSubscribeOptions extends SubscribeToAllOptions {
  /** Overrides the store's `onDrop` for this subscription. */
  onDrop?(error: unknown, attempt: number): void;
}

// Appends racing a "stream exists" delete: see deleteWithStreamExists.
const streamExistsDeleteAttempts = 3;
// How far back in $all to look for a retried append's event that its stream no longer shows.
const retriedEventScanLimit = 10_000;

/**
 * The event store port on EventStoreDB. Every call to the client goes through this class and the
 * few functions it hands the client to, so moving to @kurrent/kurrentdb-client stays a small change.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private readonly readPageSize: number;
  private readonly checkpointInterval: number;
  private readonly subscriptionBufferSize: number;
  private readonly resubscribeBackoff: BackoffPolicy;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.readPageSize = positive(options.readPageSize ?? 500, 'readPageSize');
    this.checkpointInterval = positive(options.checkpointInterval ?? 32, 'checkpointInterval');
    this.subscriptionBufferSize = positive(options.subscriptionBufferSize ?? 128, 'subscriptionBufferSize');
    this.resubscribeBackoff = options.resubscribeBackoff ?? defaultResubscribeBackoff;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    checkStreamId(streamId);
    checkNewEvents(streamId, events);
    const expectedRevision = options.expectedRevision ?? 'any';
    const call = { streamId, expectedRevision, appendSize: appendSize(events), write: 'append' } as const;
    let result;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toClientExpectedRevision(expectedRevision),
      });
    } catch (error) {
      throw toPortError(error, call);
    }
    if (!result.success) {
      // Only a client built with throwOnAppendFailure=false gets here, and its revision is unreliable.
      throw new Error('EventStoreDB client must throw on append failure (throwOnAppendFailure=true)');
    }
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // An idempotent retry comes back without a position when the server can no longer read the
    // original batch's last event (hidden since by maxCount, truncateBefore or a soft delete).
    const position =
      result.position ?? (await this.positionOfRetried(streamId, result.nextExpectedRevision, events[events.length - 1].eventId));
    return { nextExpectedRevision, position: encodePosition(position) };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return readStreamPaged(this.client, streamId, options, this.readPageSize);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return readAllPaged(this.client, options, this.readPageSize);
  }

  subscribeToAll(options: EventStoreDbSubscribeOptions = {}): Subscription {
    const fromPosition = options.fromPosition ?? 'start';
    if (fromPosition !== 'start') decodePosition(fromPosition);
    const subscription = new ResubscribingSubscription({
      fromPosition,
      open: (from) =>
        openClientSubscription(this.client, from, {
          filter: options.filter,
          checkpointInterval: this.checkpointInterval,
          bufferSize: this.subscriptionBufferSize,
        }),
      isDrop: isTransientClientError,
      describeError: (error) => toPortError(error),
      onDrop: options.onDrop ?? this.options.onDrop,
      backoff: this.resubscribeBackoff,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    return findHeadPosition(this.client, 100);
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadata> {
    checkStreamId(streamId);
    try {
      const { metadata } = await this.client.getStreamMetadata(streamId);
      return fromClientStreamMetadata(metadata);
    } catch (error) {
      throw toPortError(error, { streamId });
    }
  }

  async setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    checkStreamId(streamId);
    const clientMetadata = toClientStreamMetadata(metadata);
    try {
      const current = await this.client.getStreamMetadata(streamId);
      await this.client.setStreamMetadata(streamId, { ...serverSettingsOf(current.metadata), ...clientMetadata }, { expectedRevision: ANY });
    } catch (error) {
      throw toPortError(error, { streamId, write: 'metadata' });
    }
  }

  async deleteStream(streamId: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    await this.deleteWith('soft', streamId, options.expectedRevision ?? 'any');
  }

  async tombstoneStream(streamId: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    await this.deleteWith('tombstone', streamId, options.expectedRevision ?? 'any');
  }

  async close(): Promise<void> {
    const open = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(open.map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async deleteWith(kind: 'soft' | 'tombstone', streamId: string, expected: ExpectedRevision): Promise<void> {
    checkStreamId(streamId);
    if (expected === 'stream_exists') return this.deleteWithStreamExists(kind, streamId);
    const clientExpected = toClientExpectedRevision(expected) as ClientDeleteExpectedRevision;
    try {
      if (kind === 'soft') await this.client.deleteStream(streamId, { expectedRevision: clientExpected });
      else await this.client.tombstoneStream(streamId, { expectedRevision: clientExpected });
    } catch (error) {
      throw toPortError(error, { streamId, expectedRevision: expected, write: kind === 'soft' ? 'delete' : 'tombstone' });
    }
  }

  /**
   * The delete call of client 6.2.1 cannot send "stream exists" (the server could). So: find the
   * last revision and delete expecting exactly it; if an append slipped in between, try again.
   */
  private async deleteWithStreamExists(kind: 'soft' | 'tombstone', streamId: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const last = await this.lastRevision(streamId);
      if (last === undefined) throw new WrongExpectedVersionError(streamId, 'stream_exists', 'no_stream');
      try {
        if (kind === 'soft') await this.client.deleteStream(streamId, { expectedRevision: last });
        else await this.client.tombstoneStream(streamId, { expectedRevision: last });
        return;
      } catch (error) {
        const mapped = toPortError(error, {
          streamId,
          expectedRevision: 'stream_exists',
          write: kind === 'soft' ? 'delete' : 'tombstone',
        });
        const raced = mapped instanceof WrongExpectedVersionError && mapped.actual !== 'no_stream';
        if (!raced || attempt === streamExistsDeleteAttempts) throw mapped;
      }
    }
  }

  /** The stream's last revision, or undefined when it has no readable events (missing or soft-deleted). */
  private async lastRevision(streamId: string): Promise<bigint | undefined> {
    try {
      for await (const event of readStreamPaged(this.client, streamId, { fromRevision: 'end', direction: 'backwards', maxCount: 1 }, 1)) {
        return BigInt(event.revision);
      }
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private async positionOfRetried(streamId: string, revision: bigint, eventId: string): Promise<ClientPosition> {
    const written = { streamId, revision, eventId };
    const position = await findEventPosition(this.client, written, this.readPageSize, retriedEventScanLimit);
    if (!position) throw new RetriedAppendPositionUnknownError(streamId, Number(revision), retriedEventScanLimit);
    return position;
  }
}

/** A store on a new client for `connectionString`, e.g. `esdb://localhost:2113?tls=false`. */
export function connectEventStoreDb(connectionString: string, options?: EventStoreDbOptions): EventStoreDbEventStore {
  // The client's batch-append path reports a wrong revision (0 or 1) when it does not throw.
  if (/[?&]throwOnAppendFailure=false(&|$)/i.test(connectionString)) {
    throw new InvalidEventStoreArgumentError('throwOnAppendFailure=false is not supported: remove it from the connection string');
  }
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
}

function positive(value: number, name: string): number {
  if (nonNegativeInteger(value, name) === 0) throw new InvalidEventStoreArgumentError(`${name} must be at least 1`);
  return value;
}
