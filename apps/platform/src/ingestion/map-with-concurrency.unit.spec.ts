import { mapWithConcurrency } from './map-with-concurrency';

describe('mapping with bounded concurrency', () => {
  it('keeps the results in the order of the items, with at most `limit` running', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((done) => setTimeout(done, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('starts no new item after a failure, and throws it once the running ones have settled', async () => {
    const started: number[] = [];
    let settledAfterFailure = false;
    const run = mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('store down');
      await new Promise((done) => setTimeout(done, 5));
      settledAfterFailure = true;
      return n;
    });
    await expect(run).rejects.toThrow('store down');
    expect(started).toEqual([1, 2]);
    expect(settledAfterFailure).toBe(true);
  });
});
