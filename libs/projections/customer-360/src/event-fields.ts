// Readers of the fields the 360° view folds. They check what the fold relies on (types, enums, ranges) and
// name the field that is wrong; personal fields are never read here, only copied where the view keeps them.

/** Thrown by the readers; the fold turns it into an UnfoldableEventError with the event's coordinates. */
export class FieldProblem extends Error {}

export type Fields = { readonly [field: string]: unknown };

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function problem(path: string, expected: string, value: unknown): never {
  throw new FieldProblem(`${path} must be ${expected} (got ${value === undefined ? 'nothing' : kindOf(value)})`);
}

export function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, path: string): Fields {
  return isPlainObject(value) ? value : problem(path, 'an object', value);
}

export function optionalObjectAt(fields: Fields, field: string, path: string): Fields | undefined {
  return fields[field] === undefined ? undefined : objectAt(fields[field], `${path}.${field}`);
}

export function arrayAt(fields: Fields, field: string, path: string): readonly unknown[] {
  const value = fields[field];
  return Array.isArray(value) && value.length > 0 ? value : problem(`${path}.${field}`, 'a non-empty array', value);
}

/** A non-empty string (ids, codes, names of kinds). */
export function textAt(fields: Fields, field: string, path: string): string {
  const value = fields[field];
  return typeof value === 'string' && value.length > 0 ? value : problem(`${path}.${field}`, 'a non-empty string', value);
}

export function optionalTextAt(fields: Fields, field: string, path: string): string | undefined {
  return fields[field] === undefined ? undefined : textAt(fields, field, path);
}

export function oneOfAt<T extends string>(fields: Fields, field: string, values: readonly T[], path: string): T {
  const value = fields[field];
  return (values as readonly unknown[]).includes(value) ? (value as T) : problem(`${path}.${field}`, `one of ${values.join(', ')}`, value);
}

export function optionalOneOfAt<T extends string>(fields: Fields, field: string, values: readonly T[], path: string): T | undefined {
  return fields[field] === undefined ? undefined : oneOfAt(fields, field, values, path);
}

export function quantityAt(fields: Fields, field: string, path: string): number {
  const value = fields[field];
  return Number.isInteger(value) && (value as number) >= 1 ? (value as number) : problem(`${path}.${field}`, 'an integer of at least 1', value);
}

export function amountAt(fields: Fields, field: string, path: string): number {
  const value = fields[field];
  const valid = typeof value === 'number' && Number.isFinite(value) && value >= 0;
  return valid ? value : problem(`${path}.${field}`, 'a finite number of at least 0', value);
}

export function currencyAt(fields: Fields, field: string, path: string): string {
  const value = fields[field];
  const valid = typeof value === 'string' && /^[A-Z]{3}$/.test(value);
  return valid ? value : problem(`${path}.${field}`, 'an ISO 4217 currency code such as "GBP"', value);
}

export function optionalCountryAt(fields: Fields, field: string, path: string): string | undefined {
  const value = fields[field];
  if (value === undefined) return undefined;
  const valid = typeof value === 'string' && /^[A-Z]{2}$/.test(value);
  return valid ? value : problem(`${path}.${field}`, 'an ISO 3166-1 alpha-2 country code such as "GB"', value);
}

/** occurredAt as a normalised ISO instant (`toISOString`), so that string order is time order. */
export function instantAt(fields: Fields, field: string, path: string): string {
  const value = fields[field];
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? problem(`${path}.${field}`, 'an ISO 8601 instant such as "2024-05-01T10:00:00Z"', value) : new Date(ms).toISOString();
}
