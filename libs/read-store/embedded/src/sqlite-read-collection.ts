import Database from 'better-sqlite3';
import { JsonObject } from '@cdp/event-model';
import { Condition, DocumentExistsError, FieldPath, FindQuery, GroupCount, GroupSum, Page, ReadCollection, ReadDocument, Scalar, WriteBatch } from '@cdp/read-store';
import { decodeCursor, encodeCursor } from './page-cursor';
import { checkConditions, checkFieldPath, checkLimit, checkSort } from './read-query-rules';
import { compareGroupValues, groupKey } from './scalar-order';
import { findSql, SqlValue, tableOf, valueOf, whereSql } from './sql-query';
import { SqliteFile } from './sqlite-file';

interface DocumentRow {
  id: string;
  position: string;
  body: string;
}

interface GroupRow {
  type: string | null;
  value: SqlValue;
  count: number;
  sum?: number;
}

type EncodedDocument = [id: string, position: string, body: string];

/**
 * One collection: a table of (id, position, body), with expression indexes on body fields. Bodies are written as
 * SQLite's binary JSON (JSONB), which json_extract reads without parsing: building the indexes of a collection
 * takes a quarter of the time it takes over JSON text. Rows holding JSON text (older files) are read the same.
 */
export class SqliteReadCollection<Body extends JsonObject> implements ReadCollection<Body> {
  private readonly table: string;
  private readonly applyBatch: Database.Transaction<(upserts: EncodedDocument[], deletes: readonly { id: string; position: string }[]) => void>;
  private readonly replaceAll: Database.Transaction<(documents: EncodedDocument[]) => void>;
  private readonly deleteAll: Database.Transaction<(ids: readonly string[]) => void>;
  private readonly insertAll: Database.Transaction<(documents: EncodedDocument[]) => void>;

  constructor(
    readonly name: string,
    private readonly file: SqliteFile,
    private readonly streamPageSize: number,
  ) {
    this.table = tableOf(name);
    const db = file.use();
    // The WHERE of DO UPDATE is the position guard: an older or equal position leaves the row as it is.
    const upsert = db.prepare(
      `INSERT INTO ${this.table} (id, position, body) VALUES (?, ?, jsonb(?)) ` +
        `ON CONFLICT (id) DO UPDATE SET position = excluded.position, body = excluded.body WHERE excluded.position > ${this.table}.position`,
    );
    const remove = db.prepare(`DELETE FROM ${this.table} WHERE id = ? AND position < ?`);
    // Not INSERT OR REPLACE: REPLACE would silently delete another document that collides on a unique index,
    // and it deletes and re-inserts the row (every index twice) where this updates it in place.
    const replace = db.prepare(
      `INSERT INTO ${this.table} (id, position, body) VALUES (?, ?, jsonb(?)) ` +
        'ON CONFLICT (id) DO UPDATE SET position = excluded.position, body = excluded.body',
    );
    // Upserts before deletes: an id with both then ends as the change of its highest position says.
    this.applyBatch = db.transaction((upserts, deletes) => {
      for (const row of upserts) upsert.run(row);
      for (const { id, position } of deletes) remove.run(id, position);
    });
    this.replaceAll = db.transaction((documents) => {
      for (const row of documents) replace.run(row);
    });
    const insert = db.prepare(`INSERT INTO ${this.table} (id, position, body) VALUES (?, ?, jsonb(?))`);
    this.insertAll = db.transaction((documents) => {
      for (const row of documents) insert.run(row);
    });
    const removeAny = db.prepare(`DELETE FROM ${this.table} WHERE id = ?`);
    this.deleteAll = db.transaction((ids) => {
      for (const id of ids) removeAny.run(id);
    });
  }

  async get(id: string): Promise<ReadDocument<Body> | null> {
    const row = this.file.get<DocumentRow>({ text: `SELECT id, position, json(body) AS body FROM ${this.table} WHERE id = ?`, params: [id] });
    return row ? toDocument<Body>(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, ReadDocument<Body>>> {
    const found = new Map<string, ReadDocument<Body>>();
    if (ids.length === 0) return found;
    const rows = this.file.all<DocumentRow>({
      text: `SELECT id, position, json(body) AS body FROM ${this.table} WHERE id IN (SELECT value FROM json_each(?))`,
      params: [JSON.stringify(ids)],
    });
    for (const row of rows) found.set(row.id, toDocument<Body>(row));
    return found;
  }

  async write(batch: WriteBatch<Body>): Promise<void> {
    const upserts = (batch.upserts ?? []).map(encode);
    this.file.use();
    this.applyBatch(upserts, batch.deletes ?? []);
  }

  async bulkReplace(documents: readonly ReadDocument<Body>[]): Promise<void> {
    const rows = documents.map(encode);
    this.file.use();
    this.replaceAll(rows);
  }

  async insertNew(documents: readonly ReadDocument<Body>[]): Promise<void> {
    const rows = documents.map(encode);
    this.file.use();
    try {
      this.insertAll(rows);
    } catch (error) {
      // A unique index on a body field refuses with the same code: only the primary key is this error.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DocumentExistsError(this.name, { cause: error });
      throw error;
    }
  }

  async bulkDelete(ids: readonly string[]): Promise<void> {
    this.file.use();
    this.deleteAll(ids);
  }

  async find(query: FindQuery): Promise<Page<Body>> {
    const where = checkConditions(query.where);
    const sort = checkSort(query.sort);
    const limit = checkLimit(query.limit);
    const after = query.after == null ? undefined : decodeCursor(query.after, sort);
    const rows: (DocumentRow & { sortValue: Scalar })[] = [];
    for (const range of findSql(this.name, { where, sort, after })) {
      rows.push(...this.file.all<DocumentRow & { sortValue: Scalar }>({ text: range.text, params: [...range.params, limit + 1 - rows.length] }));
      if (rows.length > limit) break;
    }
    const items = rows.slice(0, limit).map((row) => toDocument<Body>(row));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit ? encodeCursor(sort, { value: last.sortValue, id: last.id }) : null };
  }

  async *stream(query: Omit<FindQuery, 'limit' | 'after'>): AsyncIterable<ReadDocument<Body>> {
    let after: string | undefined;
    do {
      const page = await this.find({ ...query, limit: this.streamPageSize, after });
      yield* page.items;
      after = page.nextCursor ?? undefined;
    } while (after);
  }

  async count(where?: readonly Condition[]): Promise<number> {
    const conditions = whereSql(checkConditions(where));
    const row = this.file.get<{ count: number }>({
      text: `SELECT count(*) AS count FROM ${this.table} WHERE ${conditions.text}`,
      params: conditions.params,
    });
    return row!.count;
  }

  async countBy(field: FieldPath, where?: readonly Condition[]): Promise<GroupCount[]> {
    return this.groups(field, undefined, where).map(({ value, count }) => ({ value, count }));
  }

  async sumBy(groupField: FieldPath, sumField: FieldPath, where?: readonly Condition[]): Promise<GroupSum[]> {
    return this.groups(groupField, checkFieldPath(sumField), where).map(({ value, count, sum }) => ({ value, count, sum: sum ?? 0 }));
  }

  private groups(field: FieldPath, sumField: FieldPath | undefined, where: readonly Condition[] | undefined): GroupSum[] {
    const conditions = whereSql(checkConditions(where));
    const type = `json_type(body, '$.${checkFieldPath(field)}')`;
    // total() adds only numbers (json_type keeps booleans, which json_extract gives as 0/1, out) and is 0.0 when none.
    const sum = sumField
      ? `, total(CASE WHEN json_type(body, '$.${sumField}') IN ('integer', 'real') THEN ${valueOf(sumField)} END) AS sum`
      : '';
    const rows = this.file.all<GroupRow>({
      text: `SELECT ${type} AS type, ${valueOf(field)} AS value, count(*) AS count${sum} FROM ${this.table} WHERE ${conditions.text} GROUP BY 1, 2`,
      params: conditions.params,
    });
    // SQLite tells JSON null from missing, and 1 from 1.0; the port groups each pair under one value.
    const merged = new Map<string, GroupSum>();
    for (const row of rows) {
      const value = groupValue(row);
      const key = groupKey(value);
      const group = merged.get(key);
      if (group) {
        group.count += row.count;
        group.sum += row.sum ?? 0;
      } else merged.set(key, { value, count: row.count, sum: row.sum ?? 0 });
    }
    return [...merged.values()].sort((a, b) => compareGroupValues(a.value, b.value));
  }
}

function groupValue({ type, value }: GroupRow): Scalar {
  switch (type) {
    case null:
    case 'null':
      return null;
    case 'true':
      return true;
    case 'false':
      return false;
    case 'object':
    case 'array':
      // Not a scalar: the port groups scalars only, but the value is returned rather than mangled.
      return JSON.parse(value as string);
    default:
      return value;
  }
}

function encode<Body extends JsonObject>(document: ReadDocument<Body>): EncodedDocument {
  return [document.id, document.position, JSON.stringify(document.body)];
}

function toDocument<Body extends JsonObject>(row: DocumentRow): ReadDocument<Body> {
  return { id: row.id, position: row.position, body: JSON.parse(row.body) as Body };
}
