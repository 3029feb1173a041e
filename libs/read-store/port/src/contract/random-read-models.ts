import { JsonObject } from '@cdp/event-model';
import { Condition, FindQuery, ReadDocument, Scalar, SortOrder } from '../index';

/** mulberry32: small, fast, and the same sequence for the same seed on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const missing = Symbol('missing');
type Draw = () => number;
const pick = <T>(random: Draw, values: readonly T[]): T => values[Math.floor(random() * values.length)];

// Strings that sort differently in a careless implementation: case, accents, empty, digits, and a
// code point above U+FFFF next to U+FFFD (UTF-16 and code point order disagree there).
const strings = ['a', 'b', 'B', 'ab', 'é', '', 'Z', '10', '9', '\u{1F600}', '\uFFFD'];
const numbers = [-3, -1, 0, 1, 2, 5, 1.5, 0.25, -0.75, 1e6];

function set(body: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== missing) body[key] = value;
}

/**
 * A document mixing what conditions must tell apart: numbers, numeric strings, booleans, null, missing,
 * objects, nested paths. A sortable field holds one type besides null, as the port requires.
 */
export function randomDocument(random: Draw, index: number): ReadDocument {
  const body: Record<string, unknown> = {};
  set(body, 'n', pick(random, [...numbers, null, missing]));
  set(body, 's', pick(random, [...strings, null, missing]));
  set(body, 'flag', pick(random, [true, false, null, missing]));
  set(body, 'mixed', pick(random, [1, 2, 0, '1', '2', 'a', true, false, null, missing, { k: 1 }]));
  const nested = pick(random, ['object', 'object', 'object', 'string', 'null', 'missing']);
  if (nested === 'object') {
    const inner: Record<string, unknown> = {};
    set(inner, 'x', pick(random, [...numbers, null, missing]));
    set(inner, 'y', pick(random, [...strings, missing]));
    body.nested = inner;
  } else if (nested !== 'missing') body.nested = nested === 'string' ? 'not an object' : null;
  body.list = [index, 'x', { deep: [true, null] }];
  const position = String(1000 + index).padStart(12, '0');
  return { id: `doc-${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${index}`, position, body: body as JsonObject };
}

const queryFields = ['n', 's', 'flag', 'mixed', 'nested', 'nested.x', 'nested.y', 'absent'];
const sortFields = ['n', 's', 'nested.x', 'nested.y'];
const scalars: Scalar[] = [null, true, false, ...numbers, '1', '2', ...strings];

export function randomCondition(random: Draw): Condition {
  const field = pick(random, queryFields);
  const op = pick(random, ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'exists'] as const);
  switch (op) {
    case 'eq':
    case 'ne':
      return { field, op, value: pick(random, scalars) };
    case 'in':
      return { field, op, values: Array.from({ length: Math.floor(random() * 4) }, () => pick(random, scalars)) };
    case 'exists':
      return { field, op, value: random() < 0.5 };
    default:
      return { field, op, value: pick(random, [...numbers, ...strings]) };
  }
}

export function randomQuery(random: Draw): Omit<FindQuery, 'after'> {
  const where = Array.from({ length: Math.floor(random() * 3) }, () => randomCondition(random));
  const sort: SortOrder | undefined = random() < 0.2 ? undefined : { field: pick(random, sortFields), direction: pick(random, ['asc', 'desc'] as const) };
  return { where, sort, limit: 2 + Math.floor(random() * 59) };
}
