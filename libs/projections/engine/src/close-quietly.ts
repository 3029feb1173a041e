import { Subscription } from '@cdp/event-store';

/** Closes a subscription that may be the very thing that failed: closing it is only tidying up. */
export async function closeQuietly(subscription: Subscription | undefined): Promise<void> {
  await subscription?.close().catch(() => undefined);
}
