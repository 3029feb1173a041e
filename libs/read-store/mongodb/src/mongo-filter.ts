import { Condition, FieldPath, SortOrder } from '@cdp/read-store';
import { Filter, Sort } from 'mongodb';
import { CursorPoint } from './page-cursor';
import { checkFieldPath } from './read-query-rules';

/** A read model as stored: the body under its own key, so that no body field can collide with ours. */
export interface StoredDocument {
  _id: string;
  _position: string;
  body: Record<string, unknown>;
}

export function fieldOf(path: FieldPath): string {
  return `body.${checkFieldPath(path)}`;
}

/**
 * One condition. MongoDB compares within a type (a number never equals or exceeds a string), `{ $eq: null }`
 * matches missing fields, `$ne` matches them, and ranges never match null: the port's semantics as they are.
 * FerretDB 1.24 behaves the same (checked by the contract suite). Paths reaching into arrays are outside the
 * port's semantics (MongoDB would match any element), so no `$type` test is added for them.
 */
export function conditionFilter(condition: Condition): Filter<StoredDocument> {
  const field = fieldOf(condition.field);
  switch (condition.op) {
    case 'eq':
      return { [field]: { $eq: condition.value } };
    case 'ne':
      return { [field]: { $ne: condition.value } };
    case 'in':
      return { [field]: { $in: [...condition.values] } };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { [field]: { [`$${condition.op}`]: condition.value } };
    case 'exists':
      return { [field]: { $exists: condition.value } };
  }
}

export function whereFilter(where: readonly Condition[], after?: Filter<StoredDocument>): Filter<StoredDocument> {
  const parts = [...where.map(conditionFilter), ...(after ? [after] : [])];
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0] : { $and: parts };
}

/** Documents after a cursor in (sort value, id) order; null and missing sort first ascending, last descending. */
export function afterFilter(sort: SortOrder | undefined, after: CursorPoint): Filter<StoredDocument> {
  if (!sort) return { _id: { $gt: after.id } };
  const field = fieldOf(sort.field);
  const { value, id } = after;
  if (sort.direction === 'asc') {
    return value === null
      ? { $or: [{ [field]: { $ne: null } }, { [field]: null, _id: { $gt: id } }] }
      : { $or: [{ [field]: { $gt: value } }, { [field]: value, _id: { $gt: id } }] };
  }
  return value === null
    ? { [field]: null, _id: { $lt: id } }
    : { $or: [{ [field]: { $lt: value } }, { [field]: value, _id: { $lt: id } }, { [field]: null }] };
}

/** Ties are broken by id in the sort's direction, so every page boundary is a unique point. */
export function sortOf(sort: SortOrder | undefined): Sort {
  if (!sort) return { _id: 1 };
  const direction = sort.direction === 'asc' ? 1 : -1;
  return { [fieldOf(sort.field)]: direction, _id: direction };
}

/** The value a document sorts by, for the cursor: missing reads as null, as MongoDB sorts it. */
export function valueAt(body: Record<string, unknown>, path: FieldPath): unknown {
  let current: unknown = body;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? null : current;
}
