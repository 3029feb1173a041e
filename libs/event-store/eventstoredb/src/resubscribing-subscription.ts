import {
  comparePositions,
  EventStoreUnavailableError,
  Position,
  Subscription,
  SubscriptionMessage,
} from '@cdp/event-store';
import { BackoffPolicy, backoffDelay, sleep } from './backoff';

/** What one server subscription yields: `caughtUp` carries no position, the resubscriber knows it. */
export type SourceMessage = Exclude<SubscriptionMessage, { kind: 'caughtUp' }> | { kind: 'caughtUp' };

/** One subscription on the server, from `from` (exclusive). It ends or throws when the server drops it. */
export interface SubscriptionSource extends AsyncIterable<SourceMessage> {
  close(): Promise<void>;
}

export interface ResubscribeOptions {
  fromPosition: 'start' | Position;
  open(from: 'start' | Position): SubscriptionSource;
  /** True when the error means "the server went away": resubscribe. Anything else ends the subscription. */
  isDrop(error: unknown): boolean;
  /** The error the consumer (or `onDrop`) sees. */
  describeError(error: unknown): unknown;
  onDrop?(error: unknown, attempt: number): void;
  backoff: BackoffPolicy;
  /** Called once, when the subscription is closed (by close() or by the consumer leaving the loop). */
  onClose?(): void;
  wait?(ms: number, signal: AbortSignal): Promise<void>;
  random?(): number;
}

/**
 * A subscription that survives server drops: it resubscribes from the last position it yielded
 * (exclusive, so nothing is yielded twice) with exponential backoff, until `close()`.
 * Consumption is pull-based: the source is read only when the consumer asks for the next message.
 */
export class ResubscribingSubscription implements Subscription {
  private closed = false;
  private started = false;
  private current: SubscriptionSource | undefined;
  private readonly stop = new AbortController();

  constructor(private readonly options: ResubscribeOptions) {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop.abort();
    this.options.onClose?.();
    await this.current?.close();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.started) throw new Error('a subscription can be iterated only once');
    this.started = true;
    return this.messages();
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    const { open, isDrop, describeError, onDrop, backoff } = this.options;
    const wait = this.options.wait ?? sleep;
    let resumeFrom = this.options.fromPosition;
    let caughtUpSent = false;
    let attempt = 0;
    try {
      while (!this.closed) {
        let drop: unknown;
        try {
          this.current = open(resumeFrom);
          for await (const message of this.current) {
            if (this.closed) return;
            attempt = 0;
            if (message.kind === 'caughtUp') {
              if (caughtUpSent) continue;
              caughtUpSent = true;
              yield { kind: 'caughtUp', position: resumeFrom === 'start' ? null : resumeFrom };
              continue;
            }
            const position = message.kind === 'event' ? message.event.position : message.position;
            // A resubscription starts after resumeFrom; this only guards against a server that repeats itself.
            if (resumeFrom !== 'start' && comparePositions(position, resumeFrom) <= 0) continue;
            resumeFrom = position;
            yield message;
          }
          if (this.closed) return;
          drop = new EventStoreUnavailableError('EventStoreDB ended the subscription without being asked to');
        } catch (error) {
          if (this.closed) return;
          if (!isDrop(error)) throw describeError(error);
          drop = describeError(error);
        } finally {
          await this.current?.close();
        }
        attempt += 1;
        onDrop?.(drop, attempt);
        await wait(backoffDelay(attempt, backoff, this.options.random), this.stop.signal);
      }
    } finally {
      // The consumer stopped iterating (break, throw or close): the subscription is over either way.
      await this.close();
    }
  }
}
