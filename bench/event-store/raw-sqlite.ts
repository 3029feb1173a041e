import Database from 'better-sqlite3';
import { ChunkWriter } from './append-runs';
import { ReadMeter, ReadRun } from './read-meter';
import { elapsedMs, nowMs, ThroughputRun } from './timing';

/** The embedded store's pragmas and tables (libs/event-store/embedded/src/sqlite-log.ts and schema.ts), copied. */
const storePragmas = [
  'page_size = 8192',
  'journal_mode = WAL',
  'synchronous = FULL',
  'wal_autocheckpoint = 8192',
  'journal_size_limit = 67108864',
  'cache_size = -65536',
  'mmap_size = 268435456',
];

const eventsTable = `
CREATE TABLE events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_key      INTEGER NOT NULL,
  revision        INTEGER NOT NULL,
  event_id        BLOB NOT NULL,
  type            TEXT NOT NULL,
  schema_version  INTEGER NOT NULL,
  recorded_at     INTEGER NOT NULL,
  data            TEXT NOT NULL,
  metadata        TEXT NOT NULL
);`;

const streamTables = `
CREATE TABLE streams (
  stream_key      INTEGER PRIMARY KEY,
  stream_id       TEXT NOT NULL UNIQUE,
  state           INTEGER NOT NULL DEFAULT 0,
  truncate_before INTEGER,
  max_age         INTEGER,
  max_count       INTEGER,
  custom          TEXT
);
CREATE TABLE stream_events (
  stream_key      INTEGER NOT NULL,
  revision        INTEGER NOT NULL,
  event_id        BLOB NOT NULL,
  position        INTEGER NOT NULL,
  PRIMARY KEY (stream_key, revision)
) WITHOUT ROWID;`;

const columns = 'position, stream_key, revision, event_id, type, schema_version, recorded_at, data, metadata';

type RawRow = [revision: number, eventId: Buffer, type: string, schemaVersion: number, recordedAt: number, data: string, metadata: string];

function openWithStorePragmas(file: string, options: Database.Options = {}): Database.Database {
  const db = new Database(file, options);
  for (const pragma of options.readonly ? storePragmas.slice(-2) : storePragmas) db.pragma(pragma);
  return db;
}

/** Serialised data + metadata per event. */
export interface EventBytes {
  mean: number;
  min: number;
  max: number;
}

export interface RawInsertWriter extends ChunkWriter<RawBatch[]> {
  /** Closes the database; says how long turning events into rows took (untimed) and how big they were. */
  close(): { serialiseSeconds: number; eventBytes: EventBytes };
}

export type RawInsertRun = ThroughputRun & ReturnType<RawInsertWriter['close']>;

/**
 * The ceiling: the same rows, through the same driver, with the same pragmas, in one transaction per append.
 * `events-table`: plain INSERTs into a table shaped like the store's log, nothing else.
 * `store-statements`: the statements the store runs for an append (stream lookup, last revision,
 * event-id lookup, the log row and the stream index row), without the store's JavaScript around them.
 */
export function rawInsertWriter(label: string, file: string, streams: number, shape: 'events-table' | 'store-statements'): RawInsertWriter {
  const db = openWithStorePragmas(file);
  db.exec(shape === 'events-table' ? eventsTable : eventsTable + streamTables);
  const write = shape === 'events-table' ? plainInserts(db) : storeStatements(db);
  const nextRevision = new Int32Array(streams);
  const bytes = { total: 0, events: 0, min: Number.POSITIVE_INFINITY, max: 0 };
  let serialiseMs = 0;
  return {
    label,
    prepare: (chunk) => {
      const start = nowMs();
      const recordedAt = Date.now();
      const batches = chunk.map((planned) => ({
        streamKey: planned.streamIndex + 1,
        streamId: planned.streamId,
        rows: planned.events.map(
          (event): RawRow => [
            nextRevision[planned.streamIndex]++,
            Buffer.from(event.eventId.replace(/-/g, ''), 'hex'),
            event.type,
            event.schemaVersion,
            recordedAt,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          ],
        ),
      }));
      serialiseMs += elapsedMs(start);
      for (const { rows } of batches) {
        for (const row of rows) {
          const size = Buffer.byteLength(row[5]) + Buffer.byteLength(row[6]);
          bytes.total += size;
          bytes.events++;
          bytes.min = Math.min(bytes.min, size);
          bytes.max = Math.max(bytes.max, size);
        }
      }
      return batches;
    },
    write: (_chunk, batches) => {
      for (const batch of batches) write(batch);
    },
    close: () => {
      db.close();
      return { serialiseSeconds: serialiseMs / 1000, eventBytes: { mean: bytes.total / bytes.events, min: bytes.min, max: bytes.max } };
    },
  };
}

interface RawBatch {
  streamKey: number;
  streamId: string;
  rows: RawRow[];
}

function plainInserts(db: Database.Database): (batch: RawBatch) => void {
  const insert = db.prepare(
    'INSERT INTO events (stream_key, revision, event_id, type, schema_version, recorded_at, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return db.transaction((batch: RawBatch) => {
    for (const row of batch.rows) insert.run(batch.streamKey, ...row);
  });
}

function storeStatements(db: Database.Database): (batch: RawBatch) => void {
  const findStream = db.prepare('SELECT stream_key FROM streams WHERE stream_id = ?').pluck();
  const insertStream = db.prepare('INSERT INTO streams (stream_id) VALUES (?)');
  const lastRevision = db.prepare('SELECT max(revision) FROM stream_events WHERE stream_key = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO events (stream_key, revision, event_id, type, schema_version, recorded_at, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertStreamEvent = db.prepare('INSERT INTO stream_events (stream_key, revision, event_id, position) VALUES (?, ?, ?, ?)');
  const idLookups = new Map<number, Database.Statement>();
  const findIds = (size: number) => {
    let statement = idLookups.get(size);
    if (!statement) {
      const marks = Array.from({ length: size }, () => '?').join(', ');
      statement = db.prepare(`SELECT revision, event_id, position FROM stream_events WHERE stream_key = ? AND event_id IN (${marks}) ORDER BY revision`);
      idLookups.set(size, statement);
    }
    return statement;
  };
  return db.transaction((batch: RawBatch) => {
    let streamKey = findStream.get(batch.streamId) as number | undefined;
    if (streamKey === undefined) streamKey = Number(insertStream.run(batch.streamId).lastInsertRowid);
    else if ((lastRevision.get(streamKey) as number | null) !== null) findIds(batch.rows.length).all(streamKey, ...batch.rows.map((row) => row[1]));
    for (const row of batch.rows) {
      const position = insert.run(streamKey, ...row).lastInsertRowid;
      insertStreamEvent.run(streamKey, row[0], row[1], position);
    }
  });
}

export interface RawReadRuns {
  iterate: ReadRun;
  iterateParsed: ReadRun;
  paged: ReadRun;
  pagedParsed: ReadRun;
}

/** Reads every row of an events table with the same driver: one cursor, then pages like the store's readAll. */
export function timeRawReads(file: string, expected: number, sampleEvery: number): RawReadRuns {
  const db = openWithStorePragmas(file, { readonly: true, fileMustExist: true });
  try {
    const all = db.prepare(`SELECT ${columns} FROM events ORDER BY position`).raw(true);
    const page = db.prepare(`SELECT ${columns} FROM events WHERE position >= ? ORDER BY position LIMIT ?`).raw(true);
    const iterate = (parse: boolean, label: string) => {
      const meter = new ReadMeter(label, expected, sampleEvery).start();
      for (const row of all.iterate() as IterableIterator<unknown[]>) {
        if (parse) parseRow(row);
        meter.count();
      }
      return meter.finish();
    };
    const paged = (parse: boolean, label: string) => {
      const meter = new ReadMeter(label, expected, sampleEvery).start();
      let from = 1;
      for (;;) {
        const rows = page.all(from, 1000) as unknown[][];
        for (const row of rows) {
          if (parse) parseRow(row);
          meter.count();
        }
        if (rows.length < 1000) break;
        from = (rows[rows.length - 1][0] as number) + 1;
      }
      return meter.finish();
    };
    return {
      iterate: iterate(false, 'raw SELECT, one cursor'),
      iterateParsed: iterate(true, 'raw SELECT, one cursor, JSON.parse'),
      paged: paged(false, 'raw SELECT, pages of 1,000'),
      pagedParsed: paged(true, 'raw SELECT, pages of 1,000, JSON.parse'),
    };
  } finally {
    db.close();
  }
}

function parseRow(row: unknown[]): void {
  JSON.parse(row[7] as string);
  JSON.parse(row[8] as string);
}

export function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}
