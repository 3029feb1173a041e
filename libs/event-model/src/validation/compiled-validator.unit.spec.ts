import { eventCatalogue } from '../catalogue';
import { isNumber } from 'class-validator';
import { compileValidator, hasAtMostDecimalPlaces } from './compiled-validator';
import { validateData } from './validate-data';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const oddValues: Json[] = [null, true, 0, -1, 1.5, 2.12345, 7, '', 'x', 'X'.repeat(2_001), 'a@b', 'ada@example.org', '2024-13-40', '1990-02-03', '2024-05-01T10:00:00Z', 'GB', 'gb', 'EUR', 'eur', [], {}];

/** Every payload one step away from the valid example: each field removed, replaced by an odd value, or an extra field added. */
function neighbours(value: Json): Json[] {
  if (Array.isArray(value)) {
    return [[], ...value.flatMap((item, index) => neighbours(item).map((changed) => value.map((original, i) => (i === index ? changed : original))))];
  }
  if (value === null || typeof value !== 'object') return oddValues;
  const out: Json[] = [{ ...value, unexpected: 1 }];
  for (const key of Object.keys(value)) {
    const { [key]: _removed, ...without } = value;
    out.push(without);
    for (const changed of neighbours(value[key])) out.push({ ...value, [key]: changed });
  }
  return out;
}

describe('the compiled validator', () => {
  // The fast path may only ever say what class-validator says: checked on thousands of near-valid payloads.
  it.each(eventCatalogue.definitions.map((definition) => [definition.type, definition] as const))('agrees with class-validator on %s', (type, definition) => {
    const schema = eventCatalogue.schema(type, definition.current);
    const compiled = compileValidator(schema);
    const payloads = [definition.example as Json, ...neighbours(definition.example as Json)];
    const disagreements = payloads.filter((payload) => compiled(payload) !== (validateData(schema, payload).length === 0));
    expect(disagreements).toEqual([]);
    expect(payloads.length).toBeGreaterThan(20);
  });
});

describe('the decimal places check', () => {
  it('gives class-validator’s verdict on integers, fractions, and what is not a finite number', () => {
    const values = [0, 12, -3, 2.55, 0.1 + 0.2, 1.2345, 1.23456, -0.0001, 1e21, 123456.7891, Number.NaN, Infinity, -Infinity];
    for (const value of values) {
      expect([value, hasAtMostDecimalPlaces(value, 4)]).toEqual([value, isNumber(value, { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })]);
    }
  });
});
