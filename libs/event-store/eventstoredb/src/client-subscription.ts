import { eventTypeFilter, excludeSystemEvents, START, streamNameFilter } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  EventStoreDBClient,
  Filter,
  Position as ClientPosition,
} from '@eventstore/db-client';
import { compileFilter, EventFilter, Position } from '@cdp/event-store';
import { fromClientEvent, isSystemRecord } from './envelope-codec';
import { decodePosition, encodePosition } from './position-codec';
import { SourceMessage, SubscriptionSource } from './resubscribing-subscription';

export interface ClientSubscriptionOptions {
  filter?: EventFilter;
  /** The server sends a checkpoint every `checkpointInterval` × its search window (32) events examined. */
  checkpointInterval: number;
  /** Events the client buffers ahead of the consumer before it stops reading from the server. */
  bufferSize: number;
}

/**
 * `caughtUp` and checkpoints reach the client inside the stream's transform, possibly while earlier
 * events still wait in its buffer. Pushing a marker into the same stream at that moment puts it in
 * its place in the log order: the consumer meets it only after every event that came before it.
 */
class Marker {
  constructor(readonly message: SourceMessage) {}
}

/** One server subscription to $all, from `from` (exclusive), as messages of the port. */
export function openClientSubscription(
  client: Pick<EventStoreDBClient, 'subscribeToAll'>,
  from: 'start' | Position,
  options: ClientSubscriptionOptions,
): SubscriptionSource {
  const matches = compileFilter(options.filter);
  const subscription = client.subscribeToAll(
    {
      fromPosition: from === 'start' ? START : decodePosition(from),
      filter: serverFilter(options.filter, {
        checkpointInterval: options.checkpointInterval,
        checkpointReached: (stream: AllStreamSubscription, position: ClientPosition) => {
          stream.push(new Marker({ kind: 'checkpoint', position: encodePosition(position) }));
        },
      }),
    },
    { highWaterMark: options.bufferSize },
  );
  subscription.on('caughtUp', () => subscription.push(new Marker({ kind: 'caughtUp' })));
  // The iterator reports errors to the consumer; this listener only keeps one that arrives after
  // the iterator has let go (e.g. during close) from crashing the process as an unhandled 'error'.
  subscription.on('error', () => undefined);

  let closing: Promise<void> | undefined;
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of subscription as AsyncIterable<AllStreamResolvedEvent | Marker>) {
        if (item instanceof Marker) {
          yield item.message;
          continue;
        }
        const recorded = item.event;
        // Tested on the raw record: only events the consumer asked for are decoded, so another
        // writer's events elsewhere in the log cannot end (and, resubscribed, end again) this subscription.
        if (!recorded || isSystemRecord(recorded) || !matches(recorded)) continue;
        yield { kind: 'event', event: fromClientEvent(recorded) };
      }
    },
    close() {
      // unsubscribe() rejects only when the gRPC call never started: then there is nothing to cancel.
      closing ??= subscription
        .unsubscribe()
        .catch(() => undefined)
        .then(() => {
          subscription.destroy();
        });
      return closing;
    },
  };
}

type FilterExtras = Pick<Filter, 'checkpointInterval' | 'checkpointReached'>;

/**
 * The port's filter, applied on the server so that skipped events do not travel. The server's
 * regex dialect is .NET's; the port's own (JavaScript) test runs again on the client.
 */
export function serverFilter(filter: EventFilter | undefined, extras: FilterExtras): Filter {
  if (!filter || ('prefixes' in filter && filter.prefixes.length === 0)) return excludeSystemEvents(extras);
  const byField = filter.on === 'streamName' ? streamNameFilter : eventTypeFilter;
  return 'prefixes' in filter ? byField({ ...extras, prefixes: [...filter.prefixes] }) : byField({ ...extras, regex: filter.regex });
}
