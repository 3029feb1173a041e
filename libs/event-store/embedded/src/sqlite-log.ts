import Database from 'better-sqlite3';
import { join } from 'node:path';
import { eventColumns, EventRow, LogRow } from './event-codec';
import { schema, schemaVersion } from './schema';

export type Durability = 'full' | 'normal';

export interface StreamRow {
  streamKey: number;
  state: number;
  truncateBefore: number | null;
  maxAge: number | null;
  maxCount: number | null;
  custom: string | null;
}

export interface InsertedEvent {
  streamKey: number;
  revision: number;
  eventId: Buffer;
  type: string;
  schemaVersion: number;
  recordedAt: number;
  data: string;
  metadata: string;
}

/** The SQL of the store, and nothing else: every statement is prepared once. */
export class SqliteLog {
  readonly db: Database.Database;
  /** Stream names by key for reads of the log; bounded, oldest first out (a Map keeps insertion order). */
  private readonly idLookups = new Map<number, Database.Statement>();
  private readonly statements;

  constructor(dataDir: string, options: { durability: Durability; readOnly: boolean }) {
    const file = join(dataDir, 'events.sqlite');
    this.db = new Database(file, { readonly: options.readOnly, fileMustExist: options.readOnly });
    if (!options.readOnly) this.initialise(options.durability);
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 268435456');
    this.statements = this.prepare();
  }

  private initialise(durability: Durability): void {
    // page_size only takes effect before the first table exists (and before WAL mode).
    this.db.pragma('page_size = 8192');
    this.db.pragma('journal_mode = WAL');
    // FULL: an acknowledged append survives power loss. NORMAL: it survives a process crash (kill -9),
    // the last commits may be lost on power loss; it is several times faster for single appends.
    this.db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    // Larger checkpoints amortise the copy from the WAL into the database; the WAL is truncated after.
    this.db.pragma('wal_autocheckpoint = 8192');
    this.db.pragma('journal_size_limit = 67108864');
    this.db.exec(schema);
    const found = this.db.pragma('user_version', { simple: true }) as number;
    if (found === 0) this.db.pragma(`user_version = ${schemaVersion}`);
    else if (found !== schemaVersion) {
      throw new Error(`the event store file has schema version ${found}; this build reads version ${schemaVersion}`);
    }
  }

  private prepare() {
    const db = this.db;
    const raw = <S extends Database.Statement>(statement: S) => statement.raw(true) as S;
    return {
      findStream: db.prepare(
        'SELECT stream_key AS streamKey, state, truncate_before AS truncateBefore, max_age AS maxAge, max_count AS maxCount, custom FROM streams WHERE stream_id = ?',
      ),
      insertStream: db.prepare('INSERT INTO streams (stream_id) VALUES (?)'),
      setState: db.prepare('UPDATE streams SET state = ?, truncate_before = ? WHERE stream_key = ?'),
      clearMetadata: db.prepare(
        'UPDATE streams SET state = ?, truncate_before = NULL, max_age = NULL, max_count = NULL, custom = NULL WHERE stream_key = ?',
      ),
      setMetadata: db.prepare(
        'UPDATE streams SET truncate_before = ?, max_age = ?, max_count = ?, custom = ? WHERE stream_key = ?',
      ),
      // ORDER BY … LIMIT 1 walks down the primary key; max(revision) would scan the whole stream.
      lastRevision: db
        .prepare('SELECT revision FROM stream_events WHERE stream_key = ? ORDER BY revision DESC LIMIT 1')
        .pluck(),
      insertEvent: db.prepare(
        'INSERT INTO events (stream_key, revision, event_id, type, schema_version, recorded_at, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertStreamEvent: db.prepare(
        'INSERT INTO stream_events (stream_key, revision, event_id, position) VALUES (?, ?, ?, ?)',
      ),
      head: db.prepare('SELECT max(position) FROM events').pluck(),
      // The stream's name joined in SQLite: one look-up per event from JavaScript cost more than reading the event.
      allFrom: raw(
        db.prepare(
          `SELECT ${prefixed('e')}, s.stream_id FROM events e JOIN streams s ON s.stream_key = e.stream_key
           WHERE e.position >= ? ORDER BY e.position LIMIT ?`,
        ),
      ),
      streamForwards: raw(
        db.prepare(
          `SELECT ${prefixed('e')} FROM stream_events s JOIN events e ON e.position = s.position
           WHERE s.stream_key = ? AND s.revision >= ? AND e.recorded_at >= ? ORDER BY s.revision LIMIT ?`,
        ),
      ),
      streamBackwards: raw(
        db.prepare(
          `SELECT ${prefixed('e')} FROM stream_events s JOIN events e ON e.position = s.position
           WHERE s.stream_key = ? AND s.revision <= ? AND s.revision >= ? AND e.recorded_at >= ? ORDER BY s.revision DESC LIMIT ?`,
        ),
      ),
    };
  }

  findStream(streamId: string): StreamRow | undefined {
    return this.statements.findStream.get(streamId) as StreamRow | undefined;
  }

  /** -1 when the stream has no event. */
  lastRevision(streamKey: number): number {
    return (this.statements.lastRevision.get(streamKey) as number | null) ?? -1;
  }

  insertStream(streamId: string): number {
    return Number(this.statements.insertStream.run(streamId).lastInsertRowid);
  }

  setState(streamKey: number, state: number, truncateBefore: number | null): void {
    this.statements.setState.run(state, truncateBefore, streamKey);
  }

  clearMetadata(streamKey: number, state: number): void {
    this.statements.clearMetadata.run(state, streamKey);
  }

  setMetadata(streamKey: number, m: Omit<StreamRow, 'streamKey' | 'state'>): void {
    this.statements.setMetadata.run(m.truncateBefore, m.maxAge, m.maxCount, m.custom, streamKey);
  }

  /** Revisions of the stream's events whose id is in `ids` (16-byte ids), ascending. */
  findIds(streamKey: number, ids: Buffer[]): [revision: number, eventId: Buffer, position: number][] {
    let statement = this.idLookups.get(ids.length);
    if (!statement) {
      const marks = ids.map(() => '?').join(', ');
      statement = this.db
        .prepare(
          `SELECT revision, event_id, position FROM stream_events INDEXED BY stream_events_by_id
           WHERE stream_key = ? AND event_id IN (${marks})`,
        )
        .raw(true);
      this.idLookups.set(ids.length, statement);
    }
    const found = statement.all(streamKey, ...ids) as [number, Buffer, number][];
    return found.sort((a, b) => a[0] - b[0]);
  }

  /** Appends one event to the log and to its stream; returns its position. */
  insertEvent(e: InsertedEvent): number {
    const position = Number(
      this.statements.insertEvent.run(
        e.streamKey,
        e.revision,
        e.eventId,
        e.type,
        e.schemaVersion,
        e.recordedAt,
        e.data,
        e.metadata,
      ).lastInsertRowid,
    );
    this.statements.insertStreamEvent.run(e.streamKey, e.revision, e.eventId, position);
    return position;
  }

  head(): number {
    return (this.statements.head.get() as number | null) ?? 0;
  }

  readAllPage(fromPosition: number, limit: number): LogRow[] {
    return this.statements.allFrom.all(fromPosition, limit) as LogRow[];
  }

  readStreamPage(
    streamKey: number,
    direction: 'forwards' | 'backwards',
    from: number,
    lowest: number,
    oldestTime: number,
    limit: number,
  ): EventRow[] {
    const since = Number.isFinite(oldestTime) ? oldestTime : Number.MIN_SAFE_INTEGER;
    return (
      direction === 'forwards'
        ? this.statements.streamForwards.all(streamKey, Math.max(from, lowest), since, limit)
        : this.statements.streamBackwards.all(streamKey, from, lowest, since, limit)
    ) as EventRow[];
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function prefixed(alias: string): string {
  return eventColumns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}
