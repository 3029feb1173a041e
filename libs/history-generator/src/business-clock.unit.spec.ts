import { BusinessClock } from './business-clock';

describe('the business clock', () => {
  const from = Date.UTC(2023, 0, 1);
  const to = Date.UTC(2025, 0, 1);
  const clock = new BusinessClock(from, to);
  const even = Array.from({ length: 200_000 }, (_, i) => from + Math.floor(((to - from) * i) / 200_000));
  const business = even.map((time) => clock.businessTime(time));

  it('keeps times in order and within the period', () => {
    expect(business.filter((time, i) => i > 0 && time < business[i - 1])).toEqual([]);
    expect(business[0]).toBe(from);
    expect(business[business.length - 1]).toBeLessThan(to);
    expect(clock.businessTime(to - 1)).toBeGreaterThan(to - 60_000);
    expect(clock.businessTime(to - 1)).toBeLessThan(to);
  });

  it('gives the same answer out of order as in order', () => {
    const fresh = new BusinessClock(from, to);
    for (const i of [150_000, 3, 199_999, 0, 77_777]) expect(fresh.businessTime(even[i])).toBe(business[i]);
  });

  it('puts more activity in the afternoon than at night, on weekdays than on Sundays, in November than in February', () => {
    const share = (test: (date: Date) => boolean) => business.filter((time) => test(new Date(time))).length / business.length;
    expect(share((d) => d.getUTCHours() === 14)).toBeGreaterThan(5 * share((d) => d.getUTCHours() === 3));
    expect(share((d) => d.getUTCDay() === 2)).toBeGreaterThan(1.2 * share((d) => d.getUTCDay() === 0));
    expect(share((d) => d.getUTCMonth() === 10)).toBeGreaterThan(2 * share((d) => d.getUTCMonth() === 1));
  });

  it('works for periods that do not start or end on the hour, and for short ones', () => {
    const start = Date.UTC(2024, 5, 1, 10, 17, 3, 5);
    const short = new BusinessClock(start, start + 90_000);
    const times = Array.from({ length: 1_000 }, (_, i) => short.businessTime(start + i * 90));
    expect(times[0]).toBe(start);
    expect(times.every((time, i) => time >= start && time < start + 90_000 && (i === 0 || time >= times[i - 1]))).toBe(true);
  });
});
