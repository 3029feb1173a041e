import { Scalar } from '@cdp/read-store';

/**
 * Order of strings by Unicode code point, which is how SQLite (memcmp of UTF-8) and MongoDB order them.
 * It differs from JavaScript's `<` (UTF-16 code units) only between a surrogate pair and U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// Surrogates (U+D800..U+DFFF) encode code points above U+FFFF: move them above U+E000..U+FFFF.
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

// MongoDB's order of types: null, numbers, strings, objects, arrays, booleans.
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 5;
  return Array.isArray(value) ? 4 : 3;
}

/** The order of group values in countBy and sumBy: null first, then numbers, strings, booleans. */
export function compareGroupValues(a: Scalar, b: Scalar): number {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0) return byType;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareCodePoints(JSON.stringify(a), JSON.stringify(b));
}

/** Tells one group value from another: 1 and '1' and true are three groups. */
export function groupKey(value: unknown): string {
  return value === null || value === undefined ? 'null' : `${typeof value}:${JSON.stringify(value)}`;
}
