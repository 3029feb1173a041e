// The tests run on the real embedded read store; the library itself imports no adapter.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { ReadStore } from '@cdp/read-store';
import { bucketOf } from '@cdp/segments';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segmentMembersCollection } from './audience-collections';
import { BucketDocument } from './bucket-document';
import { addBucketChange, InvalidBucketCursorError, KeyedBucketChanges, KeyedBuckets } from './keyed-buckets';

describe('keyed buckets', () => {
  let dir: string;
  let store: ReadStore;
  let sets: KeyedBuckets;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cdp-buckets-'));
    store = await openEmbeddedReadStore({ file: join(dir, 'read.sqlite') });
    sets = new KeyedBuckets(await store.collection<BucketDocument>(segmentMembersCollection));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = async (key: string, ids: string[], remove = false) => {
    const changes: KeyedBucketChanges = new Map();
    for (const id of ids) addBucketChange(changes, key, bucketOf(id), remove ? { customerId: id, value: null, remove: true } : { customerId: id, value: `since-${id}` });
    return sets.apply(changes, '00000000000000000001');
  };

  it('keeps each key apart, counts it by bucket, and pages through it without losing or repeating an entry', async () => {
    const ids = Array.from({ length: 2_500 }, (_, index) => `cus-${index}`);
    await put('a', ids);
    await put('b', ['cus-1', 'cus-2']);
    await put('a', ['cus-7', 'cus-8'], true);
    expect(await sets.size('a')).toBe(2_498);
    expect(await sets.size('b')).toBe(2);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await sets.page('a', 333, cursor);
      expect(page.items.length).toBeLessThanOrEqual(333);
      for (const item of page.items) {
        seen.push(item.id);
        expect(item.value).toBe(`since-${item.id}`);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(2_498);
    expect(new Set(seen)).toEqual(new Set(ids.filter((id) => id !== 'cus-7' && id !== 'cus-8')));
    const streamed: string[] = [];
    for await (const entry of sets.entries('a')) streamed.push(entry.id);
    expect(streamed).toEqual(seen);
  });

  it('refuses a cursor it did not give', async () => {
    await expect(sets.page('a', 10, 'nonsense')).rejects.toThrow(InvalidBucketCursorError);
    await expect(sets.page('a', 10, '999:x')).rejects.toThrow(InvalidBucketCursorError);
  });
});
