import { Subscription, SubscriptionMessage } from '@cdp/event-store';

export const woken = Symbol('woken');

/**
 * Reads a subscription one message at a time, with a wait that `wake()` can cut short (to write a partial
 * batch, or to stop). The read in flight is kept for the next call: a subscription is never asked for two
 * messages at once, and no message is lost or read twice.
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionMessage>;
  private pending?: Promise<IteratorResult<SubscriptionMessage>>;
  private wakeWaiter?: () => void;

  constructor(subscription: Subscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<SubscriptionMessage> | typeof woken> {
    if (!this.pending) {
      this.pending = this.iterator.next();
      // Handled here so that a read left in flight at stop never becomes an unhandled rejection.
      this.pending.catch(() => undefined);
    }
    const wake = new Promise<typeof woken>((resolve) => (this.wakeWaiter = () => resolve(woken)));
    try {
      const result = await Promise.race([this.pending, wake]);
      if (result !== woken) this.pending = undefined;
      return result;
    } catch (error) {
      this.pending = undefined;
      throw error;
    } finally {
      this.wakeWaiter = undefined;
    }
  }

  /** Makes the current (or next) wait return `woken` if no message came first. */
  wake(): void {
    this.wakeWaiter?.();
  }
}
