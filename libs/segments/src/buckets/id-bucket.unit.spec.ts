import { bucketCount, bucketOf } from './customer-bucket';
import { applyBucketChanges, bucketValue, emptyIdBucket } from './id-bucket';

describe('keyed id buckets', () => {
  it('keeps ids sorted with their values, applies removals, and is idempotent', () => {
    const changes = [
      { customerId: 'c', value: 3 },
      { customerId: 'a', value: 1 },
      { customerId: 'b', value: null },
    ];
    const bucket = applyBucketChanges(emptyIdBucket(), changes);
    expect(bucket).toEqual({ ids: ['a', 'b', 'c'], values: [1, null, 3] });
    expect(applyBucketChanges(bucket, changes)).toEqual(bucket);
    expect(applyBucketChanges(bucket, [{ customerId: 'b', value: null, remove: true }])).toEqual({ ids: ['a', 'c'], values: [1, 3] });
    expect([bucketValue(bucket, 'c'), bucketValue(bucket, 'z')]).toEqual([3, undefined]);
  });

  it('spreads customers evenly over the buckets, the same way every time', () => {
    const counts = new Array<number>(bucketCount).fill(0);
    for (let i = 0; i < 256_000; i++) counts[bucketOf(`cus-${String(i).padStart(7, '0')}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
    expect(bucketOf('17850')).toBe(bucketOf('17850'));
  });
});
