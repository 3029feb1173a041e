/**
 * The on-disk layout, version 1.
 *
 * - `events` is the global log: one row per event, its AUTOINCREMENT rowid is the global position
 *   (never reused, even after a scavenge deletes the tail).
 * - `stream_events` is a clustered (WITHOUT ROWID) index of each stream: unique (stream, revision),
 *   carrying the event id and position so stream reads and idempotency checks never touch the log rows.
 * - `streams` maps stream names to small integer keys and holds the stream metadata.
 */
export const schemaVersion = 1;

export const schema = `
CREATE TABLE IF NOT EXISTS streams (
  stream_key      INTEGER PRIMARY KEY,
  stream_id       TEXT NOT NULL UNIQUE,
  state           INTEGER NOT NULL DEFAULT 0,  -- 0 live, 1 soft-deleted, 2 tombstoned
  truncate_before INTEGER,
  max_age         INTEGER,
  max_count       INTEGER,
  custom          TEXT
);

CREATE TABLE IF NOT EXISTS events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_key      INTEGER NOT NULL,
  revision        INTEGER NOT NULL,
  event_id        BLOB NOT NULL,
  type            TEXT NOT NULL,
  schema_version  INTEGER NOT NULL,
  recorded_at     INTEGER NOT NULL,  -- ms since epoch
  data            TEXT NOT NULL,
  metadata        TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS stream_events (
  stream_key      INTEGER NOT NULL,
  revision        INTEGER NOT NULL,
  event_id        BLOB NOT NULL,
  position        INTEGER NOT NULL,
  PRIMARY KEY (stream_key, revision)
) WITHOUT ROWID;

-- Finds a retried event id in its stream in O(log n), however long the stream.
CREATE INDEX IF NOT EXISTS stream_events_by_id ON stream_events (stream_key, event_id);
`;

export const streamState = { live: 0, softDeleted: 1, tombstoned: 2 } as const;
