import { Condition, FieldPath, IndexDefinition, Scalar, SortOrder } from '@cdp/read-store';
import { CursorPoint } from './page-cursor';
import { checkCollectionName, checkFieldPath, checkIndexName } from './read-query-rules';

/** A statement and its parameters. Values are always parameters; only validated names and paths reach the text. */
export interface Sql {
  text: string;
  params: SqlValue[];
}
export type SqlValue = string | number | null;

/** The table of a collection, quoted. */
export function tableOf(collection: string): string {
  return `"${checkCollectionName(collection)}"`;
}

/**
 * The SQL value of a field. Expression indexes are made of the very same text, which is what lets
 * SQLite match a condition or an ORDER BY to an index. Booleans come out as 0 and 1, objects as JSON text.
 */
export function valueOf(path: FieldPath): string {
  return `json_extract(body, '$.${checkFieldPath(path)}')`;
}

/** 'null', 'true', 'false', 'integer', 'real', 'text', 'array', 'object'; SQL NULL when missing. */
function typeOf(path: FieldPath): string {
  return `json_type(body, '$.${checkFieldPath(path)}')`;
}

const numberTypes = "IN ('integer', 'real')";

/** Type-strict equality with one non-null value: the json_type test keeps 1 from matching true or '1'. */
function equals(path: FieldPath, value: Exclude<Scalar, null>): Sql {
  if (typeof value === 'boolean') {
    return { text: `(${valueOf(path)} = ? AND ${typeOf(path)} = '${value}')`, params: [value ? 1 : 0] };
  }
  const type = typeof value === 'number' ? numberTypes : "= 'text'";
  return { text: `(${valueOf(path)} = ? AND ${typeOf(path)} ${type})`, params: [value] };
}

function isIn(path: FieldPath, values: readonly Scalar[]): Sql {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const parts: Sql[] = [];
  if (values.includes(null)) parts.push({ text: `${valueOf(path)} IS NULL`, params: [] });
  if (strings.length > 0) {
    parts.push({ text: `(${valueOf(path)} IN (${placeholders(strings.length)}) AND ${typeOf(path)} = 'text')`, params: strings });
  }
  if (numbers.length > 0) {
    parts.push({ text: `(${valueOf(path)} IN (${placeholders(numbers.length)}) AND ${typeOf(path)} ${numberTypes})`, params: numbers });
  }
  for (const flag of [true, false]) if (values.includes(flag)) parts.push(equals(path, flag));
  return parts.length === 0 ? { text: '0', params: [] } : join(parts, ' OR ', true);
}

/** One condition as a boolean expression; `ne` is written so that a missing field (SQL NULL) matches. */
export function conditionSql(condition: Condition): Sql {
  const { field } = condition;
  switch (condition.op) {
    case 'eq':
      return condition.value === null ? { text: `${valueOf(field)} IS NULL`, params: [] } : equals(field, condition.value);
    case 'ne': {
      if (condition.value === null) return { text: `${valueOf(field)} IS NOT NULL`, params: [] };
      const eq = equals(field, condition.value);
      return { text: `${eq.text} IS NOT 1`, params: eq.params };
    }
    case 'in':
      return isIn(field, condition.values);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const operator = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[condition.op];
      const type = typeof condition.value === 'number' ? numberTypes : "= 'text'";
      return { text: `(${valueOf(field)} ${operator} ? AND ${typeOf(field)} ${type})`, params: [condition.value] };
    }
    case 'exists':
      return { text: `${typeOf(field)} ${condition.value ? 'IS NOT NULL' : 'IS NULL'}`, params: [] };
  }
}

export function whereSql(where: readonly Condition[]): Sql {
  return where.length === 0 ? { text: '1', params: [] } : join(where.map(conditionSql), ' AND ', false);
}

/**
 * Where the documents after a cursor are, in (sort value, id) order, as one or two ranges read one after the
 * other. NULL sorts first ascending and last descending, as in SQLite's ORDER BY. Each range is written as
 * `value >= ? AND (value > ? OR id > ?)`: SQLite starts an index scan from that (from a row value comparison
 * or an `OR value IS NULL` it would not, and every later page would read all the rows before it again).
 */
function rangesAfter(sort: SortOrder | undefined, after: CursorPoint | undefined): (Sql & { nulls?: boolean })[] {
  const all = { text: '1', params: [] };
  if (!sort) return [after ? { text: 'id > ?', params: [after.id] } : all];
  const value = valueOf(sort.field);
  if (!after) return [all];
  const { id } = after;
  const at = typeof after.value === 'boolean' ? Number(after.value) : after.value;
  if (sort.direction === 'asc') {
    return at === null
      ? [{ text: `${value} IS NULL AND id > ?`, params: [id], nulls: true }, { text: `${value} IS NOT NULL`, params: [] }]
      : [{ text: `${value} >= ? AND (${value} > ? OR id > ?)`, params: [at, at, id] }];
  }
  return at === null
    ? [{ text: `${value} IS NULL AND id < ?`, params: [id], nulls: true }]
    : [{ text: `${value} <= ? AND (${value} < ? OR id < ?)`, params: [at, at, id] }, { text: `${value} IS NULL`, params: [], nulls: true }];
}

/** Within the NULL range the order is the id's alone; SQLite would sort again if told to order by the value. */
export function orderBySql(sort: SortOrder | undefined, nulls = false): string {
  if (!sort) return 'id ASC';
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return nulls ? `id ${direction}` : `${valueOf(sort.field)} ${direction}, id ${direction}`;
}

/**
 * The statements of a page, to run in turn until the page is full; each ends with `LIMIT ?`, the rows
 * still wanted. A page asks for one row more than it shows, to know whether another page follows.
 */
export function findSql(collection: string, query: { where: readonly Condition[]; sort?: SortOrder; after?: CursorPoint }): Sql[] {
  const conditions = whereSql(query.where);
  const sortValue = query.sort ? valueOf(query.sort.field) : 'NULL';
  return rangesAfter(query.sort, query.after).map((range) => ({
    text:
      `SELECT id, position, json(body) AS body, ${sortValue} AS sortValue FROM ${tableOf(collection)} ` +
      `WHERE ${conditions.text} AND ${range.text} ORDER BY ${orderBySql(query.sort, range.nulls)} LIMIT ?`,
    params: [...conditions.params, ...range.params],
  }));
}

/**
 * The index of a definition. Its last key is the id (in the direction of the last field) so that a page
 * sorted on the index's fields, ties broken by id, reads straight from it; a unique index keeps its own keys.
 */
export function createIndexSql(collection: string, index: IndexDefinition): { name: string; text: string } {
  const name = indexNameOf(collection, index.name);
  const keys = index.fields.map((f) => `${valueOf(f.field)} ${f.direction === 'asc' ? 'ASC' : 'DESC'}`);
  if (!index.unique) keys.push(`id ${index.fields[index.fields.length - 1].direction === 'asc' ? 'ASC' : 'DESC'}`);
  return {
    name,
    text: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${name}" ON ${tableOf(collection)} (${keys.join(', ')})`,
  };
}

/** SQLite index names are per database, not per table. */
export function indexNameOf(collection: string, index: string): string {
  return `${checkCollectionName(collection)}__${checkIndexName(index)}`;
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

function join(parts: Sql[], separator: string, parenthesise: boolean): Sql {
  const text = parts.map((p) => p.text).join(separator);
  return { text: parenthesise && parts.length > 1 ? `(${text})` : text, params: parts.flatMap((p) => p.params) };
}
