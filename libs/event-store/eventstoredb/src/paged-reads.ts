import { BACKWARDS, END, FORWARDS, START } from '@eventstore/db-client';
import type {
  EventStoreDBClient,
  Position as ClientPosition,
  ReadPosition,
  RecordedEvent as ClientRecordedEvent,
  ReadRevision,
  StreamingRead,
} from '@eventstore/db-client';
import type { RecordedEvent } from '@cdp/event-model';
import { compileFilter, Position, ReadAllOptions, ReadStreamOptions, StreamNotFoundError } from '@cdp/event-store';
import { checkStreamId, nonNegativeInteger } from './argument-checks';
import { fromClientEvent, isSystemRecord } from './envelope-codec';
import { toPortError } from './error-mapping';
import { decodePosition, encodePosition } from './position-codec';

type ReadingClient = Pick<EventStoreDBClient, 'readStream' | 'readAll'>;

/**
 * A stream, page by page: the client's reads have no deadline and default to MAX_SAFE_INTEGER
 * events, so no single request asks for more than `pageSize`. Revisions are inclusive both ways.
 */
export async function* readStreamPaged(
  client: ReadingClient,
  streamId: string,
  options: ReadStreamOptions,
  pageSize: number,
): AsyncGenerator<RecordedEvent> {
  checkStreamId(streamId);
  const backwards = options.direction === 'backwards';
  let remaining = maxCountOf(options.maxCount);
  let from: ReadRevision = toReadRevision(options.fromRevision, backwards);
  while (remaining > 0) {
    const requested = Math.min(pageSize, remaining);
    const read = client.readStream(streamId, {
      fromRevision: from,
      direction: backwards ? BACKWARDS : FORWARDS,
      maxCount: requested,
    });
    let received = 0;
    let last: bigint | undefined;
    try {
      for await (const resolved of read) {
        received += 1;
        const recorded = resolved.event;
        if (!recorded) continue;
        last = recorded.revision;
        if (isSystemRecord(recorded)) continue;
        remaining -= 1;
        yield fromClientEvent(recorded, resolved.commitPosition);
        if (remaining === 0) break;
      }
    } catch (error) {
      throw toPortError(error, { streamId });
    } finally {
      await cancelQuietly(read);
    }
    // The server fills each page unless the stream ends first.
    if (received < requested || last === undefined) return;
    if (backwards && last === 0n) return;
    from = backwards ? last - 1n : last + 1n;
  }
}

/**
 * $all forwards, page by page. Forward reads of $all include the event at the start position, so
 * each page after the first asks for one more event and skips the one it already has.
 * The port's filter runs here (the client's readAll (6.2.1) cannot filter on the server), on the
 * raw record and before decoding: an event outside the filter is never decoded, so another
 * writer's events elsewhere in the log cannot fail a read that does not ask for them.
 */
export async function* readAllPaged(
  client: ReadingClient,
  options: ReadAllOptions,
  pageSize: number,
): AsyncGenerator<RecordedEvent> {
  const matches = compileFilter(options.filter);
  let remaining = maxCountOf(options.maxCount);
  let lastSeen: ClientPosition | undefined;
  let from: ReadPosition =
    options.fromPosition === undefined || options.fromPosition === 'start' ? START : decodePosition(options.fromPosition);
  while (remaining > 0) {
    const pageStart = lastSeen;
    const requested = pageStart ? pageSize + 1 : pageSize;
    const read = client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: requested });
    let received = 0;
    try {
      for await (const resolved of read) {
        received += 1;
        const recorded = resolved.event;
        if (!recorded) continue;
        if (pageStart && samePosition(recorded.position, pageStart)) continue;
        lastSeen = recorded.position;
        if (isSystemRecord(recorded) || !matches(recorded)) continue;
        remaining -= 1;
        yield fromClientEvent(recorded);
        if (remaining === 0) break;
      }
    } catch (error) {
      throw toPortError(error);
    } finally {
      await cancelQuietly(read);
    }
    if (received < requested || !lastSeen || lastSeen === pageStart) return;
    from = lastSeen;
  }
}

/**
 * The last user event's position, found by reading $all backwards from the end past EventStoreDB's
 * own records ($metadata, tombstones, projection links, statistics).
 */
export async function findHeadPosition(client: ReadingClient, pageSize: number): Promise<Position | null> {
  const head = await findInAllBackwards(client, pageSize, Number.POSITIVE_INFINITY, (recorded) => !isSystemRecord(recorded));
  return head ? encodePosition(head) : null;
}

export interface WrittenEvent {
  streamId: string;
  revision: bigint;
  eventId: string;
}

/**
 * Where an event already written sits in the log. The stream is asked first. An event it no longer
 * shows (hidden by maxCount, truncateBefore or a soft delete) stays in $all until a scavenge, so
 * the newest `scanLimit` records of $all are searched next. Undefined when neither has it.
 */
export async function findEventPosition(
  client: ReadingClient,
  written: WrittenEvent,
  pageSize: number,
  scanLimit: number,
): Promise<ClientPosition | undefined> {
  const isIt = (recorded: ClientRecordedEvent) =>
    recorded.streamId === written.streamId &&
    recorded.revision === written.revision &&
    recorded.id.toLowerCase() === written.eventId.toLowerCase();
  return (await findInStream(client, written, isIt)) ?? findInAllBackwards(client, pageSize, scanLimit, isIt);
}

async function findInStream(
  client: ReadingClient,
  written: WrittenEvent,
  isIt: (recorded: ClientRecordedEvent) => boolean,
): Promise<ClientPosition | undefined> {
  // Forwards from a hidden revision the server answers with the first visible one: hence isIt.
  const read = client.readStream(written.streamId, { fromRevision: written.revision, direction: FORWARDS, maxCount: 1 });
  try {
    for await (const resolved of read) {
      if (!resolved.event || !isIt(resolved.event)) return undefined;
      // Servers before 22.6 give stream reads only the commit position (== prepare for gRPC writes).
      const commit = resolved.commitPosition;
      return resolved.event.position ?? (commit === undefined ? undefined : { commit, prepare: commit });
    }
    return undefined;
  } catch (error) {
    const mapped = toPortError(error, { streamId: written.streamId });
    if (mapped instanceof StreamNotFoundError) return undefined;
    throw mapped;
  } finally {
    await cancelQuietly(read);
  }
}

/**
 * The position of the newest record in $all that `wanted` accepts, reading backwards from the end
 * page by page and looking at no more than `limit` records. Backward reads of $all exclude their
 * start position, so each page starts where the last one ended.
 */
async function findInAllBackwards(
  client: ReadingClient,
  pageSize: number,
  limit: number,
  wanted: (recorded: ClientRecordedEvent) => boolean,
): Promise<ClientPosition | undefined> {
  let from: ReadPosition = END;
  let examined = 0;
  while (examined < limit) {
    const requested = Math.min(pageSize, limit - examined);
    const read = client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: requested });
    let received = 0;
    let last: ClientPosition | undefined;
    try {
      for await (const resolved of read) {
        received += 1;
        const recorded = resolved.event;
        if (!recorded) continue;
        if (wanted(recorded)) return recorded.position;
        last = recorded.position;
      }
    } catch (error) {
      throw toPortError(error);
    } finally {
      await cancelQuietly(read);
    }
    examined += received;
    if (received < requested || !last) return undefined;
    from = last;
  }
  return undefined;
}

/** Without a start, a read begins at the end it walks away from: the first event forwards, the last backwards. */
function toReadRevision(fromRevision: ReadStreamOptions['fromRevision'], backwards: boolean): ReadRevision {
  if (fromRevision === undefined) return backwards ? END : START;
  if (fromRevision === 'start') return START;
  if (fromRevision === 'end') return END;
  return BigInt(nonNegativeInteger(fromRevision, 'fromRevision'));
}

function maxCountOf(maxCount: number | undefined): number {
  return maxCount === undefined ? Number.POSITIVE_INFINITY : nonNegativeInteger(maxCount, 'maxCount');
}

function samePosition(a: ClientPosition, b: ClientPosition): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}

/** Ends the gRPC call when the consumer stopped early; a call that already ended or never started has nothing to cancel. */
async function cancelQuietly(read: StreamingRead<unknown>): Promise<void> {
  if (read.readableEnded) return;
  await read.cancel().catch(() => undefined);
}
