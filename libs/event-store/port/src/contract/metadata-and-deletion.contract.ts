import { EventStore } from '../event-store';
import { StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '../errors';
import { appendInBatches, collect, ids, newEvents, sleep, uniquePrefix, uniqueStream } from './fixtures';

export function metadataAndDeletionContract(store: () => EventStore): void {
  describe('stream metadata', () => {
    it('stores and returns metadata; a stream without any has none', async () => {
      const stream = uniqueStream();
      expect(await store().getStreamMetadata(stream)).toEqual({});
      await store().appendToStream(stream, newEvents(1));
      await store().setStreamMetadata(stream, { maxCount: 10, custom: { owner: 'crm', tier: 2 } });
      expect(await store().getStreamMetadata(stream)).toEqual({ maxCount: 10, custom: { owner: 'crm', tier: 2 } });
    });

    it('truncate-before hides earlier revisions from stream reads at once', async () => {
      const stream = uniqueStream();
      const appended = await appendInBatches(store(), stream, 10, 10);
      await store().setStreamMetadata(stream, { truncateBefore: 7 });
      const read = await collect(store().readStream(stream));
      expect(read.map((e) => e.revision)).toEqual([7, 8, 9]);
      const backwards = await collect(store().readStream(stream, { direction: 'backwards' }));
      expect(ids(backwards)).toEqual(ids(appended.slice(7)).reverse());
      // Truncating everything leaves an existing, empty stream (not a missing one).
      await store().setStreamMetadata(stream, { truncateBefore: 10 });
      expect(await collect(store().readStream(stream))).toEqual([]);
      await expect(store().appendToStream(stream, newEvents(1), { expectedRevision: 9 })).resolves.toMatchObject({
        nextExpectedRevision: 10,
      });
    });

    it('max-count keeps only the last events readable', async () => {
      const stream = uniqueStream();
      await appendInBatches(store(), stream, 8, 4);
      await store().setStreamMetadata(stream, { maxCount: 3 });
      expect((await collect(store().readStream(stream))).map((e) => e.revision)).toEqual([5, 6, 7]);
    });

    it('max-age hides events older than the given seconds', async () => {
      const stream = uniqueStream();
      await store().appendToStream(stream, newEvents(2));
      await sleep(2_100);
      const fresh = newEvents(1);
      await store().appendToStream(stream, fresh);
      await store().setStreamMetadata(stream, { maxAge: 2 });
      expect(ids(await collect(store().readStream(stream)))).toEqual(ids(fresh));
    });
  });

  describe('soft delete', () => {
    it('makes the stream unreadable; an append brings it back, continuing the revisions, old events hidden', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-soft`;
      const old = await appendInBatches(store(), stream, 3, 3);
      await store().setStreamMetadata(stream, { maxCount: 50 });
      await store().deleteStream(stream, { expectedRevision: 2 });
      await expect(collect(store().readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(collect(store().readStream(stream, { direction: 'backwards' }))).rejects.toBeInstanceOf(StreamNotFoundError);
      // The soft delete replaced the metadata, as EventStoreDB does.
      expect((await store().getStreamMetadata(stream)).maxCount).toBeUndefined();

      const again = newEvents(2);
      const result = await store().appendToStream(stream, again, { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(4);
      const read = await collect(store().readStream(stream));
      expect(read.map((e) => e.revision)).toEqual([3, 4]);
      expect(ids(read)).toEqual(ids(again));
      // The deleted events remain in the global log until a scavenge.
      const all = await collect(store().readAll({ filter: { on: 'streamName', prefixes: [prefix] } }));
      expect(ids(all)).toEqual([...ids(old), ...ids(again)]);
    });

    it('new metadata brings a soft-deleted stream back, empty, its old events still hidden', async () => {
      const stream = uniqueStream();
      await store().appendToStream(stream, newEvents(3));
      await store().deleteStream(stream);
      await store().setStreamMetadata(stream, { maxCount: 5 });
      expect(await collect(store().readStream(stream))).toEqual([]);
      expect(await store().getStreamMetadata(stream)).toEqual({ maxCount: 5, truncateBefore: 3 });
    });

    it('checks the expected revision, and refuses stream_exists appends to a soft-deleted stream', async () => {
      const stream = uniqueStream();
      await store().appendToStream(stream, newEvents(2));
      await expect(store().deleteStream(stream, { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await store().deleteStream(stream, { expectedRevision: 1 });
      await expect(store().appendToStream(stream, newEvents(1), { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
        StreamDeletedError,
      );
      await expect(store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' })).resolves.toMatchObject({
        nextExpectedRevision: 2,
      });
    });
  });

  describe('tombstone', () => {
    it('deletes the stream for ever: reads, appends and deletes fail with StreamDeletedError', async () => {
      const stream = uniqueStream();
      await store().appendToStream(stream, newEvents(2));
      await store().tombstoneStream(stream);
      await expect(collect(store().readStream(stream))).rejects.toBeInstanceOf(StreamDeletedError);
      for (const expectedRevision of ['any', 'no_stream', 1] as const) {
        await expect(store().appendToStream(stream, newEvents(1), { expectedRevision })).rejects.toBeInstanceOf(
          StreamDeletedError,
        );
      }
      await expect(store().setStreamMetadata(stream, { maxCount: 1 })).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store().getStreamMetadata(stream)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store().deleteStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
    });
  });
}
