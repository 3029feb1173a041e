import { RecordedEvent } from '@cdp/event-model';
import { Position } from './position';

/**
 * What a subscription yields, in log order:
 * - `event`: the next event after the last one yielded;
 * - `caughtUp`: history is exhausted, live events follow (sent once per subscription, at the switch); its position
 *   is how far the log was examined (resuming from it skips nothing), or null when nothing was examined yet;
 * - `checkpoint`: everything up to `position` was examined; resuming from it skips nothing
 *   (sent while a filter skips many events, so a consumer can save progress without matching events).
 */
export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'caughtUp'; position: Position | null }
  | { kind: 'checkpoint'; position: Position };

/** Pull-based: nothing is read ahead of the consumer beyond one page, which is the backpressure. */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}
