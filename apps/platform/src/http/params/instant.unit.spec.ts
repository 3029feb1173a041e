import { validate } from 'class-validator';
import { IsInstant, parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2011-06-01', '2011-06-01T00:00:00.000Z'],
    ['2011-06-01T09:30Z', '2011-06-01T09:30:00.000Z'],
    ['2011-06-01T09:30:15Z', '2011-06-01T09:30:15.000Z'],
    ['2011-06-01T09:30:15.123456Z', '2011-06-01T09:30:15.123Z'],
    ['2011-06-01T09:30:00+01:00', '2011-06-01T08:30:00.000Z'],
    ['2012-02-29', '2012-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each(['20110601', '2011-W22', '2011-152', '2011-06-01T09', '2011-06-01T09:30', '2011-06-01 09:30Z', '2011-02-30', '2011-13-01', '2011-06-01T24:00Z', '2011-06-01T09:60Z', '', 'yesterday'])(
    'refuses %j',
    (text) => {
      expect(parseInstant(text)).toBeUndefined();
    },
  );

  it('refuses what is not text', () => {
    expect(parseInstant({ $gt: '' })).toBeUndefined();
    expect(parseInstant(['2011-06-01'])).toBeUndefined();
  });
});

describe('IsInstant', () => {
  class Params {
    @IsInstant() asOf?: unknown;
  }

  it('names the parameter and the forms it takes', async () => {
    const errors = await validate(Object.assign(new Params(), { asOf: '2025-W05' }));
    expect(errors.map((error) => error.constraints)).toEqual([
      { isInstant: 'asOf must be a date (2011-06-01, midnight UTC) or a date-time with its time zone (2011-06-01T09:30:00Z)' },
    ]);
  });

  it('accepts an instant', async () => {
    expect(await validate(Object.assign(new Params(), { asOf: '2011-06-30T23:59:59Z' }))).toEqual([]);
  });
});
