import { BACKWARDS, END, FORWARDS, START } from '@eventstore/db-client';
import type {
  EventStoreDBClient,
  Position as ClientPosition,
  ReadPosition,
  ReadRevision,
  StreamingRead,
} from '@eventstore/db-client';
import type { RecordedEvent } from '@cdp/event-model';
import { compileFilter, Position, ReadAllOptions, ReadStreamOptions } from '@cdp/event-store';
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
 * The port's filter runs here: the client's readAll (6.2.1) cannot filter on the server.
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
        if (isSystemRecord(recorded)) continue;
        const event = fromClientEvent(recorded);
        if (!matches(event)) continue;
        remaining -= 1;
        yield event;
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
 * The last user event's position, found by reading $all backwards from the end, page by page,
 * past EventStoreDB's own records ($metadata, tombstones, projection links, statistics).
 * Backward reads of $all exclude the start position, so each page starts at the last one's end.
 */
export async function findHeadPosition(client: ReadingClient, pageSize: number): Promise<Position | null> {
  let from: ReadPosition = END;
  for (;;) {
    const read = client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: pageSize });
    let received = 0;
    let last: ClientPosition | undefined;
    try {
      for await (const resolved of read) {
        received += 1;
        const recorded = resolved.event;
        if (!recorded) continue;
        if (!isSystemRecord(recorded)) return encodePosition(recorded.position);
        last = recorded.position;
      }
    } catch (error) {
      throw toPortError(error);
    } finally {
      await cancelQuietly(read);
    }
    if (received < pageSize || !last) return null;
    from = last;
  }
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
