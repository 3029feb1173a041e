import { Arrivals } from './arrivals';
import { seedWords } from './seeded-random';

describe('arrivals', () => {
  const from = Date.UTC(2023, 0, 1);
  const to = Date.UTC(2025, 0, 1);

  it('registers every party once, in order, at sorted times within the period, and shares out exactly the events', () => {
    const parties = 50_000;
    const events = 512_345;
    const arrivals = new Arrivals(seedWords('arrivals')[1], parties, events, from, to);
    const counts: number[] = [];
    let previous = from;
    let unsorted = 0;
    let outOfOrder = 0;
    while (arrivals.hasNext) {
      if (arrivals.next() !== counts.length) outOfOrder++;
      if (arrivals.time < previous || arrivals.time >= to) unsorted++;
      previous = arrivals.time;
      counts.push(arrivals.events);
    }
    expect(outOfOrder).toBe(0);
    expect(unsorted).toBe(0);
    expect(counts).toHaveLength(parties);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(events);
    expect(counts.filter((count) => count < 1)).toEqual([]);
  });

  it('registers more parties in the first half of the period than in the second', () => {
    const arrivals = new Arrivals(seedWords('halves')[1], 10_000, 10_000, from, to);
    let firstHalf = 0;
    while (arrivals.hasNext) {
      arrivals.next();
      if (arrivals.time < (from + to) / 2) firstHalf++;
    }
    expect(firstHalf / 10_000).toBeGreaterThan(0.55);
    expect(firstHalf / 10_000).toBeLessThan(0.7);
  });
});
