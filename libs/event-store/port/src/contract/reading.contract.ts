import { EventStore } from '../event-store';
import { StreamNotFoundError } from '../errors';
import { appendInBatches, collect, expectIncreasingPositions, ids, newEvent, newEvents, uniquePrefix, uniqueStream } from './fixtures';

export function readingContract(store: () => EventStore): void {
  describe('reading a stream', () => {
    it('reads forwards and backwards, from any revision, up to maxCount, across many pages', async () => {
      const stream = uniqueStream();
      const appended = await appendInBatches(store(), stream, 1_250, 100);
      const all = await collect(store().readStream(stream));
      expect(ids(all)).toEqual(ids(appended));
      expect(all.map((e) => e.revision)).toEqual(appended.map((_, i) => i));
      expectIncreasingPositions(all);

      const backwards = await collect(store().readStream(stream, { direction: 'backwards' }));
      expect(ids(backwards)).toEqual(ids(appended).reverse());

      const middle = await collect(store().readStream(stream, { fromRevision: 998, maxCount: 5 }));
      expect(middle.map((e) => e.revision)).toEqual([998, 999, 1000, 1001, 1002]);

      const lastThree = await collect(store().readStream(stream, { fromRevision: 'end', direction: 'backwards', maxCount: 3 }));
      expect(lastThree.map((e) => e.revision)).toEqual([1249, 1248, 1247]);

      const downFrom = await collect(store().readStream(stream, { fromRevision: 2, direction: 'backwards' }));
      expect(downFrom.map((e) => e.revision)).toEqual([2, 1, 0]);

      expect(await collect(store().readStream(stream, { fromRevision: 1_250 }))).toEqual([]);
    });

    it('fails with StreamNotFoundError for a stream that never existed', async () => {
      await expect(collect(store().readStream(uniqueStream()))).rejects.toBeInstanceOf(StreamNotFoundError);
    });
  });

  describe('reading all', () => {
    it('reads the global log forwards in position order, from an inclusive position, with maxCount', async () => {
      const prefix = uniquePrefix();
      const a = `${prefix}-a`;
      const b = `${prefix}-b`;
      const written: string[] = [];
      for (let i = 0; i < 30; i++) {
        const batch = newEvents(1 + (i % 3));
        await store().appendToStream(i % 2 ? a : b, batch);
        written.push(...ids(batch));
      }
      const filter = { on: 'streamName' as const, prefixes: [prefix] };
      const read = await collect(store().readAll({ filter }));
      expect(ids(read)).toEqual(written);
      expectIncreasingPositions(read);

      const from = read[17].position;
      const rest = await collect(store().readAll({ fromPosition: from, filter, maxCount: 5 }));
      expect(ids(rest)).toEqual(written.slice(17, 22));
    });

    it('pages through more events than one page holds, in constant memory per page', async () => {
      const prefix = uniquePrefix();
      const appended = await appendInBatches(store(), `${prefix}-one`, 2_600, 200);
      const read = await collect(store().readAll({ filter: { on: 'streamName', prefixes: [prefix] } }));
      expect(ids(read)).toEqual(ids(appended));
    });

    it('filters by event type prefix and by regular expression', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-f`;
      await store().appendToStream(stream, [
        newEvent({ type: `${prefix}OrderPlaced` }),
        newEvent({ type: `${prefix}ReturnRequested` }),
        newEvent({ type: `${prefix}OrderCancelled` }),
      ]);
      const orders = await collect(store().readAll({ filter: { on: 'eventType', prefixes: [`${prefix}Order`] } }));
      expect(orders.map((e) => e.type)).toEqual([`${prefix}OrderPlaced`, `${prefix}OrderCancelled`]);
      const returns = await collect(store().readAll({ filter: { on: 'streamName', regex: `^${prefix}-f$` } }));
      expect(returns).toHaveLength(3);
    });

    it('knows the position of the head of the log', async () => {
      const result = await store().appendToStream(uniqueStream(), newEvents(2));
      const head = await store().headPosition();
      expect(head).not.toBeNull();
      expect(head! >= result.position).toBe(true);
    });
  });
}
