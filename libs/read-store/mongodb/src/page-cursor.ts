import { InvalidReadQueryError, Scalar, SortOrder } from '@cdp/read-store';
import { isScalar } from './read-query-rules';

/** Where a page ended: the sort value and id of its last document. */
export interface CursorPoint {
  value: Scalar;
  id: string;
}

/** Names the sort a cursor was made for, so a cursor passed to another sort is refused instead of misread. */
export function sortKey(sort: SortOrder | undefined): string {
  return sort ? `${sort.field} ${sort.direction}` : 'id asc';
}

export function encodeCursor(sort: SortOrder | undefined, point: CursorPoint): string {
  return Buffer.from(JSON.stringify([sortKey(sort), point.value, point.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortOrder | undefined): CursorPoint {
  const refuse = () =>
    new InvalidReadQueryError('malformed cursor: pass the nextCursor of a previous page of the same query, unchanged');
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw refuse();
  const [key, value, id] = decoded as unknown[];
  if (key !== sortKey(sort) || !isScalar(value) || typeof id !== 'string') throw refuse();
  return { value, id };
}
