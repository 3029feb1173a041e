/** A value a condition compares with. Comparisons are type-strict: a number never matches a string. */
export type Scalar = string | number | boolean | null;

/** A dotted path into a document's body, such as `country` or `revenue.GBP`; each segment is an identifier. */
export type FieldPath = string;

/**
 * One test on one field. `eq null` matches null and missing, `ne x` matches missing,
 * ranges never match null or missing.
 */
export type Condition =
  | { field: FieldPath; op: 'eq' | 'ne'; value: Scalar }
  | { field: FieldPath; op: 'in'; values: readonly Scalar[] }
  | { field: FieldPath; op: 'gt' | 'gte' | 'lt' | 'lte'; value: string | number }
  | { field: FieldPath; op: 'exists'; value: boolean };

/** Null and missing sort first ascending, last descending. Ties are broken by id, in the same direction. */
export interface SortOrder {
  field: FieldPath;
  direction: 'asc' | 'desc';
}

export interface FindQuery {
  /** All must hold. */
  where?: readonly Condition[];
  /** Default: by id, ascending. */
  sort?: SortOrder;
  /** 1 to 10,000. */
  limit: number;
  /** A previous page's `nextCursor`, with the same `where` and `sort`. */
  after?: string;
}

export const maxPageSize = 10_000;

export interface GroupCount {
  value: Scalar;
  count: number;
}

export interface GroupSum extends GroupCount {
  sum: number;
}

const segment = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isFieldPath(path: string): boolean {
  return path.length > 0 && path.split('.').every((part) => segment.test(part));
}
