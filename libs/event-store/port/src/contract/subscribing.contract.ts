import { RecordedEvent } from '@cdp/event-model';
import { EventStore } from '../event-store';
import { Subscription, SubscriptionMessage } from '../subscription';
import { appendInBatches, expectIncreasingPositions, ids, newEvents, sleep, uniquePrefix } from './fixtures';

/** Reads a subscription until `count` events arrived; returns them and the other messages seen. */
async function take(subscription: Subscription, count: number) {
  const events: RecordedEvent[] = [];
  const messages: SubscriptionMessage[] = [];
  if (count > 0) {
    for await (const message of subscription) {
      messages.push(message);
      if (message.kind === 'event') events.push(message.event);
      if (events.length === count) break;
    }
  }
  await subscription.close();
  return { events, messages };
}

export function subscribingContract(store: () => EventStore): void {
  describe('subscribing to all', () => {
    it('catches up, then goes live, with no gap and no duplicate while appends run concurrently', async () => {
      const prefix = uniquePrefix();
      const streams = [0, 1, 2, 3].map((i) => `${prefix}-s${i}`);
      const history = await appendInBatches(store(), streams[0], 300, 50);

      const subscription = store().subscribeToAll({ filter: { on: 'streamName', prefixes: [prefix] } });
      const live: string[] = [];
      const writer = (async () => {
        for (let i = 0; i < 40; i++) {
          const batch = newEvents(1 + (i % 5));
          await store().appendToStream(streams[i % 4], batch);
          live.push(...ids(batch));
          if (i % 10 === 0) await sleep(5);
        }
      })();
      const expectedCount = 300 + Array.from({ length: 40 }, (_, i) => 1 + (i % 5)).reduce((a, b) => a + b, 0);
      const [{ events, messages }] = await Promise.all([take(subscription, expectedCount), writer]);

      expect(ids(events)).toEqual([...ids(history), ...live]);
      expectIncreasingPositions(events);
      expect(messages.filter((m) => m.kind === 'caughtUp').length).toBeLessThanOrEqual(1);
    });

    it('signals caughtUp at the switch to live, and then delivers what is appended after', async () => {
      const prefix = uniquePrefix();
      const history = await appendInBatches(store(), `${prefix}-h`, 10, 5);
      const subscription = store().subscribeToAll({ filter: { on: 'streamName', prefixes: [prefix] } });
      const seen: SubscriptionMessage[] = [];
      const later = newEvents(3);
      for await (const message of subscription) {
        seen.push(message);
        if (message.kind === 'caughtUp') await store().appendToStream(`${prefix}-h`, later);
        if (seen.filter((m) => m.kind === 'event').length === 13) break;
      }
      await subscription.close();
      const kinds = seen.filter((m) => m.kind !== 'checkpoint').map((m) => m.kind);
      expect(kinds.indexOf('caughtUp')).toBe(10);
      const events = seen.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
      expect(ids(events)).toEqual([...ids(history), ...ids(later)]);
    });

    it('resumes from any checkpoint position, exclusive: the next event is the one after it', async () => {
      const prefix = uniquePrefix();
      const appended = await appendInBatches(store(), `${prefix}-r`, 120, 40);
      const filter = { on: 'streamName' as const, prefixes: [prefix] };
      const first = await take(store().subscribeToAll({ filter }), 120);
      const checkpoint = first.events[79].position;
      const resumed = await take(store().subscribeToAll({ fromPosition: checkpoint, filter }), 40);
      expect(ids(resumed.events)).toEqual(ids(appended).slice(80));
    });

    it('filters by event type', async () => {
      const prefix = uniquePrefix();
      await store().appendToStream(`${prefix}-t`, newEvents(3, { type: `${prefix}Skipped` }));
      const wanted = newEvents(2, { type: `${prefix}Wanted` });
      await store().appendToStream(`${prefix}-t`, wanted);
      const { events } = await take(
        store().subscribeToAll({ filter: { on: 'eventType', prefixes: [`${prefix}Wanted`] } }),
        2,
      );
      expect(ids(events)).toEqual(ids(wanted));
    });

    it('lets the consumer set the pace: a slow consumer still gets everything, in order', async () => {
      const prefix = uniquePrefix();
      const appended = await appendInBatches(store(), `${prefix}-slow`, 60, 20);
      const subscription = store().subscribeToAll({ filter: { on: 'streamName', prefixes: [prefix] } });
      const events: RecordedEvent[] = [];
      for await (const message of subscription) {
        if (message.kind !== 'event') continue;
        events.push(message.event);
        if (events.length % 20 === 0) await sleep(50);
        if (events.length === 60) break;
      }
      await subscription.close();
      expect(ids(events)).toEqual(ids(appended));
    });
  });
}
