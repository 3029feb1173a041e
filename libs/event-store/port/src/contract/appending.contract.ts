import { EventStore } from '../event-store';
import {
  InvalidEventStoreArgumentError,
  MaxAppendSizeExceededError,
  WrongExpectedVersionError,
} from '../errors';
import { collect, ids, newEvent, newEvents, uniqueStream } from './fixtures';
import { EventStoreContractSubject } from './subject';

export function appendingContract(subject: EventStoreContractSubject, store: () => EventStore): void {
  describe('appending', () => {
    it('appends to a new stream from revision 0 and returns the next expected revision and a position', async () => {
      const stream = uniqueStream();
      const first = await store().appendToStream(stream, newEvents(3), { expectedRevision: 'no_stream' });
      expect(first.nextExpectedRevision).toBe(2);
      const second = await store().appendToStream(stream, newEvents(2), { expectedRevision: 2 });
      expect(second.nextExpectedRevision).toBe(4);
      expect(second.position > first.position).toBe(true);
      const read = await collect(store().readStream(stream));
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(read[4].position).toBe(second.position);
    });

    it('keeps the whole envelope: id, type, schema version, data and metadata, and stamps recordedAt', async () => {
      const stream = uniqueStream();
      const event = newEvent({ schemaVersion: 2, data: { nested: { list: [1, 'two', null] }, unicode: 'é漢🙂' } });
      const before = Date.now();
      await store().appendToStream(stream, [event]);
      const [read] = await collect(store().readStream(stream));
      expect(read).toMatchObject({
        eventId: event.eventId,
        type: event.type,
        schemaVersion: 2,
        streamId: stream,
        revision: 0,
        data: event.data,
        metadata: event.metadata,
      });
      const recordedAt = Date.parse(read.metadata.recordedAt);
      // The server's clock may differ a little from ours.
      expect(Math.abs(recordedAt - before)).toBeLessThan(60_000);
      expect(read.metadata.recordedAt).toBe(new Date(recordedAt).toISOString());
    });

    it('round-trips a large event (about 750 KB) and non-ASCII text byte for byte', async () => {
      const stream = uniqueStream();
      const text = 'Größe – 大きい – 🙂 – '.repeat(10_000).slice(0, 100_000);
      const event = newEvent({ data: { text, bytes: 'x'.repeat(550 * 1024) } });
      await store().appendToStream(stream, [event]);
      const [read] = await collect(store().readStream(stream));
      expect(read.data).toEqual(event.data);
      expect((read.data as { text: string }).text).toBe(text);
    });

    describe('optimistic concurrency', () => {
      it('no_stream fails on an existing stream', async () => {
        const stream = uniqueStream();
        await store().appendToStream(stream, newEvents(2));
        const error = await store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' }).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 1 });
      });

      it('stream_exists fails on a missing stream, and succeeds on an existing one', async () => {
        const stream = uniqueStream();
        const error = await store().appendToStream(stream, newEvents(1), { expectedRevision: 'stream_exists' }).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        await store().appendToStream(stream, newEvents(1));
        await expect(store().appendToStream(stream, newEvents(1), { expectedRevision: 'stream_exists' })).resolves.toMatchObject({
          nextExpectedRevision: 1,
        });
      });

      it('an exact revision fails when the stream moved on, and names both revisions', async () => {
        const stream = uniqueStream();
        await store().appendToStream(stream, newEvents(3));
        for (const stale of [0, 1, 3, 7]) {
          const error = await store().appendToStream(stream, newEvents(1), { expectedRevision: stale }).catch((e) => e);
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ expected: stale, actual: 2 });
        }
        const missing = uniqueStream();
        await expect(store().appendToStream(missing, newEvents(1), { expectedRevision: 0 })).rejects.toMatchObject({
          actual: 'no_stream',
        });
      });

      it('of concurrent writers expecting the same revision, exactly one wins', async () => {
        const stream = uniqueStream();
        await store().appendToStream(stream, newEvents(1));
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => store().appendToStream(stream, newEvents(2), { expectedRevision: 0 })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected).toHaveLength(9);
        for (const r of rejected) expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
        expect(await collect(store().readStream(stream))).toHaveLength(3);
      });

      it('any never conflicts', async () => {
        const stream = uniqueStream();
        await Promise.all(Array.from({ length: 5 }, () => store().appendToStream(stream, newEvents(2), { expectedRevision: 'any' })));
        const read = await collect(store().readStream(stream));
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });
    });

    describe('idempotent retries', () => {
      it('a retry with the same ids and no_stream writes nothing twice and answers as the first time', async () => {
        const stream = uniqueStream();
        const batch = newEvents(3);
        const first = await store().appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        await store().appendToStream(stream, newEvents(2));
        const retry = await store().appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(ids(await collect(store().readStream(stream)))).toHaveLength(5);
      });

      it('a retry with the same ids and the same exact revision writes nothing twice', async () => {
        const stream = uniqueStream();
        await store().appendToStream(stream, newEvents(2));
        const batch = newEvents(2);
        const first = await store().appendToStream(stream, batch, { expectedRevision: 1 });
        const retry = await store().appendToStream(stream, batch, { expectedRevision: 1 });
        expect(retry).toEqual(first);
        expect(first.nextExpectedRevision).toBe(3);
        const read = await collect(store().readStream(stream));
        expect(ids(read)).toHaveLength(4);
        expect(new Set(ids(read)).size).toBe(4);
      });

      it('a batch that only partly overlaps events already written is refused, not half-applied', async () => {
        const stream = uniqueStream();
        const batch = newEvents(2);
        await store().appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const overlapping = [batch[1], newEvent()];
        await expect(store().appendToStream(stream, overlapping, { expectedRevision: 0 })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        expect(await collect(store().readStream(stream))).toHaveLength(2);
      });

      if (subject.capabilities.alwaysIdempotent) {
        it('a retry is idempotent whatever its expected revision (any, stream_exists, or re-read)', async () => {
          const stream = uniqueStream();
          await store().appendToStream(stream, newEvents(1));
          const batch = newEvents(2);
          const first = await store().appendToStream(stream, batch, { expectedRevision: 'any' });
          await store().appendToStream(stream, newEvents(1));
          expect(await store().appendToStream(stream, batch, { expectedRevision: 'any' })).toEqual(first);
          expect(await store().appendToStream(stream, batch, { expectedRevision: 'stream_exists' })).toEqual(first);
          // A handler that re-read the stream after a timeout retries with the new head revision.
          expect(await store().appendToStream(stream, batch, { expectedRevision: 3 })).toEqual(first);
          expect(await collect(store().readStream(stream))).toHaveLength(4);
        });
      }
    });

    it('refuses an empty append', async () => {
      await expect(store().appendToStream(uniqueStream(), [])).rejects.toBeInstanceOf(InvalidEventStoreArgumentError);
    });

    it('refuses an append over the maximum append size (1 MiB), writing nothing', async () => {
      const stream = uniqueStream();
      const big = newEvents(3, { data: { blob: 'x'.repeat(400 * 1024) } });
      await expect(store().appendToStream(stream, big)).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
      await expect(collect(store().readStream(stream))).rejects.toMatchObject({ code: 'stream-not-found' });
    });
  });
}
