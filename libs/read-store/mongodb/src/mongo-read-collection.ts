import { JsonObject } from '@cdp/event-model';
import { Condition, DocumentExistsError, FieldPath, FindQuery, GroupCount, GroupSum, Page, Position, ReadCollection, ReadDocument, Scalar, WriteBatch } from '@cdp/read-store';
import { Collection, Filter, MongoBulkWriteError, MongoServerError } from 'mongodb';
import { guardedWrites, netChanges, storedDocument } from './guarded-write-plan';
import { afterFilter, fieldOf, sortOf, StoredDocument, valueAt, whereFilter } from './mongo-filter';
import { decodeCursor, encodeCursor } from './page-cursor';
import { checkConditions, checkFieldPath, checkLimit, checkSort } from './read-query-rules';
import { compareGroupValues, groupKey } from './scalar-order';
import { isDuplicateKeyError } from './duplicate-key';
import { ServerCapabilities } from './server-capabilities';

/** Calls the server unless the store is closed; maps an unreachable server to ReadStoreUnavailableError. */
export type Reach = <T>(call: () => Promise<T>) => Promise<T>;

/** A guarded write loses a race only to a writer that got ahead; each attempt re-reads the stored positions. */
const writeAttempts = 5;
/** Ids per `$in` query. */
const idsPerQuery = 1000;
/** Ids per `$in` where the server scans the collection for it anyway (FerretDB). */
const idsPerScan = 20_000;
/**
 * Where a `$in` scans (FerretDB 1.24, SQLite): a look-up by `_id` alone is indexed and costs about 7 ms with 32 in
 * flight, a scan about 0.9 ms per stored document (measured here on 5,000 documents of 1 KB). So one look-up per id
 * while the ids are fewer than the documents over this ratio, else one scan.
 */
const scannedDocumentsPerLookup = 8;
const parallelIdLookups = 32;

/** One collection of `{ _id, _position, body }` documents; queries reach into `body.<path>`. */
export class MongoReadCollection<Body extends JsonObject> implements ReadCollection<Body> {
  /**
   * The redo log may hold entries of a batch not fully applied (set before it is written, cleared once it is empty).
   * Unknown until the log is read: by `recover()`, which the writer's handle runs when opened, else before its first write.
   */
  private redoPending = true;

  constructor(
    readonly name: string,
    private readonly documents: Collection<StoredDocument>,
    private readonly reach: Reach,
    private readonly streamPageSize: number,
    private readonly capabilities: ServerCapabilities = { indexedIdQueries: true },
  ) {}

  async get(id: string): Promise<ReadDocument<Body> | null> {
    const found = await this.reach(() => this.documents.findOne({ _id: id }));
    return found ? toDocument<Body>(found) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, ReadDocument<Body>>> {
    const found = new Map<string, ReadDocument<Body>>();
    for (const document of await this.byIds([...new Set(ids)])) found.set(document._id, toDocument<Body>(document));
    return found;
  }

  /**
   * Reads the stored positions of the batch's ids, then sends the writes that are newer in one unordered
   * bulkWrite. Not the cheaper "upsert and ignore E11000" alone: FerretDB 1.24 stops an unordered bulk write
   * at its first error (and reports it at index 0), so every write after a stale one would be lost.
   */
  async write(batch: WriteBatch<Body>): Promise<void> {
    const changes = netChanges(batch);
    if (changes.size === 0) return;
    if (!this.capabilities.indexedIdQueries) return this.writeByReplacingAll(changes);
    for (let attempt = 1; ; attempt++) {
      const writes = guardedWrites(changes, await this.positions([...changes.keys()]), { atomicGuard: this.capabilities.indexedIdQueries });
      if (writes.length === 0) return;
      try {
        await this.reach(() => this.documents.bulkWrite(writes, { ordered: false }));
        return;
      } catch (error) {
        // A duplicate _id: another writer stored a newer position since the read. Anything else is a real error,
        // and so is a duplicate that persists (a unique index on a body field).
        if (!isOnlyDuplicateKeys(error) || attempt === writeAttempts) throw error;
      }
    }
  }

  /**
   * FerretDB 1.x scans the whole collection for every update or delete, even by _id, while inserts are cheap:
   * so a batch is one delete of all its ids and one insert of their new versions. A crash between the two would
   * lose documents, hence the redo log: the batch goes there first, and `recover()` (run when the writer opens the
   * collection, and before a handle's first write) finishes a batch it finds there. One writer per collection, as the
   * projection engine runs: a handle that only reads never replays the log, which could undo a batch the writer applies.
   */
  private async writeByReplacingAll(changes: ReturnType<typeof netChanges>): Promise<void> {
    // An earlier attempt failed after it began the redo log: finish that batch first, or its entries would block this one.
    if (this.redoPending) await this.recover();
    const stored = await this.positions([...changes.keys()]);
    const redo: RedoEntry[] = [];
    for (const [id, change] of changes) {
      const position = change.kind === 'upsert' ? change.document.position : change.position;
      const storedPosition = stored.get(id);
      if (storedPosition !== undefined && storedPosition >= position) continue;
      if (change.kind === 'delete' && storedPosition === undefined) continue;
      redo.push(change.kind === 'upsert' ? { _id: id, document: storedDocument(change.document) } : { _id: id, document: null });
    }
    if (redo.length === 0) return;
    this.redoPending = true;
    await this.reach(() => this.redoLog.insertMany(redo, { ordered: false }));
    await this.replay(redo);
  }

  /** Finishes the batch a crash interrupted, if any: idempotent, as a replay of the redo log must be. */
  async recover(): Promise<void> {
    if (this.capabilities.indexedIdQueries) return;
    const redo = await this.reach(() => this.redoLog.find().toArray());
    if (redo.length === 0) {
      this.redoPending = false;
      return;
    }
    try {
      await this.replay(redo);
    } catch (error) {
      // The rest of that batch is in; the write that sent the refused document was told so, and will be again on a retry.
      if (!isOnlyDuplicateKeys(error)) throw error;
    }
  }

  private async replay(redo: RedoEntry[]): Promise<void> {
    const ids = redo.map((entry) => entry._id);
    const documents = redo.flatMap((entry) => (entry.document ? [entry.document] : []));
    await this.reach(() => this.documents.deleteMany({ _id: { $in: ids } }));
    let refused: unknown;
    if (documents.length > 0) {
      try {
        await this.reach(() => this.documents.insertMany(documents, { ordered: false }));
      } catch (error) {
        // An outage: the redo log stays, for the retry. A unique index refusing a document: no retry can help.
        if (!isOnlyDuplicateKeys(error)) throw error;
        refused = error;
        await this.insertEachBut(documents);
      }
    }
    await this.reach(() => this.redoLog.deleteMany({}));
    this.redoPending = false;
    if (refused) throw refused;
  }

  /**
   * FerretDB stops an unordered insert at its first error: the documents after the refused one were deleted and
   * not inserted. Inserts them one by one, leaving out only those a unique index refuses.
   */
  private async insertEachBut(documents: StoredDocument[]): Promise<void> {
    for (const document of documents) {
      try {
        await this.reach(() => this.documents.insertOne(document));
      } catch (error) {
        // Already inserted by the failed insertMany, or refused by a unique index on the body.
        if (!isOnlyDuplicateKeys(error) && !isDuplicateKeyError(error)) throw error;
      }
    }
  }

  private storedDocumentCount(): Promise<number> {
    return collectionCount(this.documents, this.reach);
  }

  private get redoLog(): Collection<RedoEntry> {
    return this.documents.db.collection<RedoEntry>(redoLogName(this.name));
  }

  async bulkReplace(documents: readonly ReadDocument<Body>[]): Promise<void> {
    if (documents.length === 0) return;
    if (!this.capabilities.indexedIdQueries) {
      // FerretDB scans the collection for each replaceOne: one delete of them all and one insert is its fastest write,
      // through the redo log, so that a crash between the two loses nothing.
      if (this.redoPending) await this.recover();
      const redo: RedoEntry[] = documents.map((document) => ({ _id: document.id, document: storedDocument(document) }));
      this.redoPending = true;
      await this.reach(() => this.redoLog.insertMany(redo, { ordered: false }));
      await this.replay(redo);
      return;
    }
    await this.reach(() =>
      this.documents.bulkWrite(
        documents.map((document) => ({
          replaceOne: { filter: { _id: document.id }, replacement: storedDocument(document), upsert: true },
        })),
        { ordered: false },
      ),
    );
  }

  async insertNew(documents: readonly ReadDocument<Body>[]): Promise<void> {
    if (documents.length === 0) return;
    try {
      await this.reach(() => this.documents.insertMany(documents.map(storedDocument), { ordered: false }));
    } catch (error) {
      if (isOnlyDuplicateKeys(error) && duplicateIds(error)) throw new DocumentExistsError(this.name, { cause: error });
      throw error;
    }
  }

  async bulkDelete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (!this.capabilities.indexedIdQueries) {
      // Through the redo log, as every write on FerretDB: an entry without a document is a delete.
      if (this.redoPending) await this.recover();
      const redo: RedoEntry[] = ids.map((id) => ({ _id: id, document: null }));
      this.redoPending = true;
      await this.reach(() => this.redoLog.insertMany(redo, { ordered: false }));
      await this.replay(redo);
      return;
    }
    await this.reach(() => this.documents.deleteMany({ _id: { $in: [...ids] } }));
  }

  async find(query: FindQuery): Promise<Page<Body>> {
    const where = checkConditions(query.where);
    const sort = checkSort(query.sort);
    const limit = checkLimit(query.limit);
    const after = query.after == null ? undefined : afterFilter(sort, decodeCursor(query.after, sort));
    const stored = await this.reach(() =>
      this.documents.find(whereFilter(where, after), { sort: sortOf(sort), limit: limit + 1 }).toArray(),
    );
    const items = stored.slice(0, limit).map((document) => toDocument<Body>(document));
    if (stored.length <= limit) return { items, nextCursor: null };
    const last = items[limit - 1];
    const value = sort ? (valueAt(last.body, sort.field) as Scalar) : null;
    return { items, nextCursor: encodeCursor(sort, { value, id: last.id }) };
  }

  /**
   * One server cursor, read a batch at a time: not a query per page, which FerretDB 1.x would answer with a scan of
   * the whole collection each time.
   */
  async *stream(query: Omit<FindQuery, 'limit' | 'after'>): AsyncIterable<ReadDocument<Body>> {
    const where = checkConditions(query.where);
    const sort = checkSort(query.sort);
    const cursor = this.documents.find(whereFilter(where), { sort: sortOf(sort), batchSize: this.streamPageSize });
    try {
      for (;;) {
        const stored = await this.reach(() => cursor.next());
        if (stored === null) return;
        yield toDocument<Body>(stored);
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }

  async count(where?: readonly Condition[]): Promise<number> {
    const filter = whereFilter(checkConditions(where));
    return this.reach(() => this.documents.countDocuments(filter));
  }

  async countBy(field: FieldPath, where?: readonly Condition[]): Promise<GroupCount[]> {
    const counts = await this.group(field, 1, where);
    return [...counts.values()].sort((a, b) => compareGroupValues(a.value, b.value)).map(({ value, total }) => ({ value, count: total }));
  }

  /**
   * Two pipelines, counts and sums, merged by value: FerretDB 1.24 computes only the first accumulator of a
   * $group and leaves the others at 0. `$sum` of a field adds numbers and skips anything else, missing included.
   */
  async sumBy(groupField: FieldPath, sumField: FieldPath, where?: readonly Condition[]): Promise<GroupSum[]> {
    const [counts, sums] = await Promise.all([
      this.group(groupField, 1, where),
      this.group(groupField, `$${fieldOf(sumField)}`, where),
    ]);
    return [...counts.entries()]
      .map(([key, { value, total }]) => ({ value, count: total, sum: sums.get(key)?.total ?? 0 }))
      .sort((a, b) => compareGroupValues(a.value, b.value));
  }

  private async group(
    field: FieldPath,
    summand: 1 | string,
    where: readonly Condition[] | undefined,
  ): Promise<Map<string, { value: Scalar; total: number }>> {
    const match = whereFilter(checkConditions(where));
    const path = `$${fieldOf(checkFieldPath(field))}`;
    const rows = await this.reach(() =>
      this.documents
        .aggregate<{ _id: Scalar; total: number }>([{ $match: match }, { $group: { _id: path, total: { $sum: summand } } }])
        .toArray(),
    );
    // Missing and null group together under null (MongoDB's $group does so already).
    const groups = new Map<string, { value: Scalar; total: number }>();
    for (const { _id, total } of rows) {
      const key = groupKey(_id);
      const group = groups.get(key);
      if (group) group.total += total;
      else groups.set(key, { value: _id ?? null, total });
    }
    return groups;
  }

  private async positions(ids: string[]): Promise<Map<string, Position>> {
    const positions = new Map<string, Position>();
    for (const { _id, _position } of await this.byIds(ids, { _id: 1, _position: 1 })) positions.set(_id, _position);
    return positions;
  }

  /** By `$in`: in index-sized chunks where the server indexes them, in few large ones where it scans (FerretDB). */
  private async byIds(ids: string[], projection?: Record<string, 1>): Promise<StoredDocument[]> {
    const found: StoredDocument[] = [];
    if (this.capabilities.indexedIdQueries) {
      for (const chunk of chunks(ids, idsPerQuery)) {
        const filter: Filter<StoredDocument> = { _id: { $in: chunk } };
        found.push(...(await this.reach(() => this.documents.find(filter, projection ? { projection } : {}).toArray())));
      }
      return found;
    }
    if (ids.length * scannedDocumentsPerLookup <= (await this.storedDocumentCount())) {
      // A look-up by _id alone is indexed; a $in scans everything (seconds on a large collection).
      for (const chunk of chunks(ids, parallelIdLookups)) {
        const stored = await Promise.all(chunk.map((id) => this.reach(() => this.documents.findOne({ _id: id }, projection ? { projection } : {}))));
        for (const document of stored) if (document) found.push(document);
      }
      return found;
    }
    // Past that many ids, one scan answering a whole $in costs less than the round trips.
    for (const chunk of chunks(ids, idsPerScan)) {
      const filter: Filter<StoredDocument> = { _id: { $in: chunk } };
      found.push(...(await this.reach(() => this.documents.find(filter, projection ? { projection } : {}).toArray())));
    }
    return found;
  }
}

/** How many documents a scan would decode: collStats, which FerretDB answers from its table without a scan. */
async function collectionCount(documents: Collection<StoredDocument>, reach: Reach): Promise<number> {
  try {
    const stats = await reach(() => documents.db.command({ collStats: documents.collectionName }));
    return typeof stats.count === 'number' ? stats.count : Number.POSITIVE_INFINITY;
  } catch (error) {
    // Not created yet: nothing to scan.
    if (error instanceof MongoServerError && error.code === namespaceNotFound) return 0;
    throw error;
  }
}

const namespaceNotFound = 26;

/** A document of a batch being written (null: deleted), kept until the batch is fully applied. */
type RedoEntry = { _id: string; document: StoredDocument | null };

/** Beside its collection; the read-store catalogue never lists it, so listCollections and drops ignore it. */
export function redoLogName(collection: string): string {
  return `${collection}_redo_log`;
}

function isOnlyDuplicateKeys(error: unknown): boolean {
  if (!(error instanceof MongoBulkWriteError) || error.writeConcernError) return false;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return writeErrors.length > 0 && writeErrors.every((e) => e?.code === 11000);
}

/** The duplicates are of _id, not of a unique index on the body (MongoDB names the index; FerretDB the _id). */
function duplicateIds(error: unknown): boolean {
  const writeErrors = (error as MongoBulkWriteError).writeErrors;
  return (Array.isArray(writeErrors) ? writeErrors : [writeErrors]).every((e) => !/index: (?!_id_)/.test(e?.errmsg ?? ''));
}

function toDocument<Body extends JsonObject>(stored: StoredDocument): ReadDocument<Body> {
  return { id: stored._id, position: stored._position, body: stored.body as Body };
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
