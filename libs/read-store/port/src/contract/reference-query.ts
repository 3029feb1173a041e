import { JsonObject } from '@cdp/event-model';
import { Condition, FieldPath, GroupCount, GroupSum, ReadDocument, Scalar, SortOrder } from '../index';

// The port's query semantics, evaluated in memory over plain documents. The contract suite checks every
// adapter against it with random documents and queries: this file is the definition both adapters agree on.

/** The value at a dotted path; undefined when missing, or when the path runs through a non-object. */
export function valueAtPath(body: JsonObject, path: FieldPath): unknown {
  let current: unknown = body;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Strings compare by Unicode code point, which is how SQLite (bytes of UTF-8) and MongoDB order them.
 * That is JavaScript's UTF-16 order except between a surrogate pair and U+E000..U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  const rank = (unit: number) => (unit < 0xd800 ? unit : unit <= 0xdfff ? unit + 0x2000 : unit - 0x800);
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = rank(a.charCodeAt(i)) - rank(b.charCodeAt(i));
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function isNullish(value: unknown): boolean {
  return value === null || value === undefined;
}

/** Type-strict: 1 is neither '1' nor true. */
function equalsScalar(value: unknown, scalar: Scalar): boolean {
  return scalar === null ? isNullish(value) : typeof value === typeof scalar && value === scalar;
}

function compareSameType(a: string | number, b: string | number): number {
  return typeof a === 'number' ? a - (b as number) : compareStrings(a, b as string);
}

export function matches(body: JsonObject, condition: Condition): boolean {
  const value = valueAtPath(body, condition.field);
  switch (condition.op) {
    case 'eq':
      return equalsScalar(value, condition.value);
    case 'ne':
      return !equalsScalar(value, condition.value);
    case 'in':
      return condition.values.some((v) => equalsScalar(value, v));
    case 'exists':
      return (value !== undefined) === condition.value;
    default: {
      // Ranges compare within the condition's type only, so never with null or missing.
      if (typeof value !== typeof condition.value) return false;
      const order = compareSameType(value as string | number, condition.value);
      return { gt: order > 0, gte: order >= 0, lt: order < 0, lte: order <= 0 }[condition.op];
    }
  }
}

/** Null and missing first ascending (last descending), ties by id in the same direction. */
export function compareDocuments(a: ReadDocument, b: ReadDocument, sort: SortOrder | undefined): number {
  const sign = sort?.direction === 'desc' ? -1 : 1;
  if (sort) {
    const x = valueAtPath(a.body, sort.field);
    const y = valueAtPath(b.body, sort.field);
    const byValue =
      isNullish(x) || isNullish(y) ? Number(!isNullish(x)) - Number(!isNullish(y)) : compareSameType(x as string | number, y as string | number);
    if (byValue !== 0) return sign * byValue;
  }
  return sign * compareStrings(a.id, b.id);
}

export function referenceFind<Body extends JsonObject>(
  documents: readonly ReadDocument<Body>[],
  query: { where?: readonly Condition[]; sort?: SortOrder },
): ReadDocument<Body>[] {
  return documents
    .filter((d) => (query.where ?? []).every((c) => matches(d.body, c)))
    .sort((a, b) => compareDocuments(a, b, query.sort));
}

// Group values in MongoDB's order of types: null, numbers, strings, booleans.
function compareGroupValues(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  return a === null ? 0 : compareSameType(a, b as string | number);
}

export function referenceSumBy(
  documents: readonly ReadDocument[],
  groupField: FieldPath,
  sumField: FieldPath,
  where: readonly Condition[] = [],
): GroupSum[] {
  const groups = new Map<string, GroupSum>();
  for (const { body } of referenceFind(documents, { where })) {
    const raw = valueAtPath(body, groupField);
    const value = (raw === undefined ? null : raw) as Scalar;
    const key = `${typeof value}:${JSON.stringify(value)}`;
    const group = groups.get(key) ?? { value, count: 0, sum: 0 };
    const summand = valueAtPath(body, sumField);
    group.count += 1;
    group.sum += typeof summand === 'number' ? summand : 0;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => compareGroupValues(a.value, b.value));
}

export function referenceCountBy(documents: readonly ReadDocument[], field: FieldPath, where: readonly Condition[] = []): GroupCount[] {
  return referenceSumBy(documents, field, field, where).map(({ value, count }) => ({ value, count }));
}
