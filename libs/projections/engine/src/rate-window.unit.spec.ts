import { RateWindow } from './rate-window';

/** Exact to within one bucket: here 5 events over the ten-second window. */
function expectWithinOneBucket(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.5);
}

describe('the rate window', () => {
  it('gives events per second over the last ten seconds', () => {
    let now = 1_000_000;
    const rate = new RateWindow({ now: () => now });
    // 100 events/s for ten seconds, then 50/s for ten more, recorded every 100 ms.
    for (let tick = 0; tick < 200; tick++) {
      rate.record(tick < 100 ? 10 : 5);
      now += 100;
    }
    expectWithinOneBucket(rate.perSecond(), 50);
    now += 5_000;
    expectWithinOneBucket(rate.perSecond(), 25);
    now += 10_000;
    expect(rate.perSecond()).toBe(0);
  });

  it('divides by the time since the start while that is shorter than the window', () => {
    let now = 5_000;
    const rate = new RateWindow({ now: () => now });
    rate.record(300);
    now += 3_000;
    expect(rate.perSecond()).toBe(100);
    rate.restart();
    expect(rate.perSecond()).toBe(0);
  });
});
