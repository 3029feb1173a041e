import { isBritishSummerTime, ukLocalTimeToUtcIso } from './uk-local-time';

function londonWallClock(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

describe('UK local time → UTC', () => {
  it('reads a winter time as GMT', () => {
    expect(ukLocalTimeToUtcIso('2010-12-01 08:26:00')).toBe('2010-12-01T08:26:00.000Z');
  });

  it('reads a summer time as BST, one hour ahead of UTC', () => {
    expect(ukLocalTimeToUtcIso('2011-06-01 07:37:00')).toBe('2011-06-01T06:37:00.000Z');
  });

  it('switches to BST at 01:00 GMT on the last Sunday of March', () => {
    expect(ukLocalTimeToUtcIso('2011-03-27 00:59:00')).toBe('2011-03-27T00:59:00.000Z');
    expect(ukLocalTimeToUtcIso('2011-03-27 02:00:00')).toBe('2011-03-27T01:00:00.000Z');
  });

  it('switches back at 01:00 GMT on the last Sunday of October, reading the repeated hour as BST', () => {
    expect(ukLocalTimeToUtcIso('2011-10-30 00:59:00')).toBe('2011-10-29T23:59:00.000Z');
    expect(ukLocalTimeToUtcIso('2011-10-30 01:30:00')).toBe('2011-10-30T00:30:00.000Z');
    expect(ukLocalTimeToUtcIso('2011-10-30 02:00:00')).toBe('2011-10-30T02:00:00.000Z');
  });

  it('agrees with the Europe/London zone of Intl at every hour of the data set years', () => {
    const disagreements: string[] = [];
    for (let t = Date.UTC(2010, 0, 1); t < Date.UTC(2012, 0, 1); t += 3_600_000) {
      const wallClock = londonWallClock(t);
      const back = ukLocalTimeToUtcIso(wallClock);
      // The repeated October hour maps back to its first (BST) occurrence only.
      const repeatedHour = !isBritishSummerTime(t) && isBritishSummerTime(t - 3_600_000);
      if (!repeatedHour && back !== new Date(t).toISOString()) disagreements.push(`${wallClock} → ${back}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses text that is no date', () => {
    expect(ukLocalTimeToUtcIso('2011-02-30 10:00:00')).toBeUndefined();
    expect(ukLocalTimeToUtcIso('2011-12-01 24:00:00')).toBeUndefined();
    expect(ukLocalTimeToUtcIso('01/12/2011 08:26')).toBeUndefined();
  });
});
