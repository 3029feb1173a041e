import { duration, progressLine } from './progress-line';

describe('the import progress line', () => {
  it('shows the bar, the count, the rate and the time left', () => {
    expect(progressLine({ done: 120_000, fraction: 0.25, elapsedMs: 15_000, unit: 'lines' })).toBe(
      '[######------------------]  25% 120,000 lines · 8,000 lines/s · ETA 0:45',
    );
  });

  it('leaves out the bar and the time left when the size of the input is unknown', () => {
    expect(progressLine({ done: 500, elapsedMs: 2_000, unit: 'messages' })).toBe('500 messages · 250 messages/s');
  });

  it('has no time left at the end, and no rate before any time passed', () => {
    expect(progressLine({ done: 10, fraction: 1, elapsedMs: 1_000, unit: 'lines' })).toBe('[########################] 100% 10 lines · 10 lines/s');
    expect(progressLine({ done: 0, fraction: 0, elapsedMs: 0, unit: 'lines' })).toBe('[------------------------]   0% 0 lines · 0 lines/s');
  });

  it('writes durations as m:ss or h:mm:ss', () => {
    expect([duration(5_000), duration(65_000), duration(3_725_000)]).toEqual(['0:05', '1:05', '1:02:05']);
  });
});
