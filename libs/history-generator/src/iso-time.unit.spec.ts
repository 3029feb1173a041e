import { IsoTimeFormatter } from './iso-time';
import { SeededRandom, seedWords } from './seeded-random';

describe('the ISO time formatter', () => {
  it('writes what Date#toISOString writes, for times in order, across days and years, and back in time', () => {
    const random = new SeededRandom(seedWords('iso'));
    const formatter = new IsoTimeFormatter();
    let ms = Date.UTC(2023, 11, 31, 23, 59, 58, 990);
    const times: number[] = [];
    for (let i = 0; i < 20_000; i++) times.push((ms += random.below(i % 100 === 0 ? 200_000_000 : 30_000)));
    times.push(Date.UTC(1999, 0, 1), Date.UTC(2024, 1, 29, 12), Date.UTC(2024, 1, 29, 0, 0, 0, 0), Date.UTC(2024, 1, 28, 23, 59, 59, 999));
    const wrong = times.filter((time) => formatter.format(time) !== new Date(time).toISOString());
    expect(wrong).toEqual([]);
  });
});
