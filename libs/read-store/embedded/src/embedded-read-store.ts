import { JsonObject } from '@cdp/event-model';
import { CollectionDefinition, IndexDefinition, OpenCollectionOptions, ProjectionCheckpoint, ReadCollection, ReadStore } from '@cdp/read-store';
import Database from 'better-sqlite3';
import { checkpointJson } from './checkpoint-json';
import { checkCollectionDefinition, checkCollectionName } from './read-query-rules';
import { createIndexSql, tableOf } from './sql-query';
import { SqliteFile } from './sqlite-file';
import { SqliteReadCollection } from './sqlite-read-collection';

export interface EmbeddedReadStoreOptions {
  /** The SQLite file; its folder is created if missing. */
  file: string;
  /** Documents per internal page of `stream`. */
  streamPageSize?: number;
}

const schema = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  projection TEXT PRIMARY KEY,
  checkpoint TEXT NOT NULL  -- the ProjectionCheckpoint as JSON
);
`;

/**
 * Read models in one SQLite file, for a single host: a table per collection (named as the collection),
 * expression indexes on the body's fields, and the checkpoints of the projections that write them.
 */
export class EmbeddedReadStore implements ReadStore {
  private readonly sqlite: SqliteFile;
  private readonly streamPageSize: number;

  constructor(options: EmbeddedReadStoreOptions) {
    this.sqlite = new SqliteFile(options.file);
    this.streamPageSize = options.streamPageSize ?? 1000;
    this.sqlite.use().exec(schema);
  }

  async collection<Body extends JsonObject = JsonObject>(definition: CollectionDefinition, options: OpenCollectionOptions = {}): Promise<ReadCollection<Body>> {
    const { name, indexes: all } = checkCollectionDefinition(definition);
    const indexes = options.deferIndexes ? all.filter((index) => index.unique) : all;
    const db = this.sqlite.use();
    // IMMEDIATE: of two processes starting at once, the second waits and then finds the indexes made.
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS ${tableOf(name)} (id TEXT PRIMARY KEY, position TEXT NOT NULL, body BLOB NOT NULL)`);
      for (const index of indexes) ensureIndex(db, name, index);
    }).immediate();
    return new SqliteReadCollection<Body>(name, this.sqlite, this.streamPageSize);
  }

  async dropCollection(name: string): Promise<void> {
    this.sqlite.use().exec(`DROP TABLE IF EXISTS ${tableOf(name)}`);
  }

  async listCollections(): Promise<string[]> {
    const rows = this.sqlite.all<{ name: string }>({
      text: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      params: [],
    });
    return rows.map((r) => r.name).filter(isCollectionTable);
  }

  async loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    const row = this.sqlite.get<{ checkpoint: string }>({
      text: 'SELECT checkpoint FROM projection_checkpoints WHERE projection = ?',
      params: [projection],
    });
    return row ? (JSON.parse(row.checkpoint) as ProjectionCheckpoint) : null;
  }

  async saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void> {
    this.sqlite
      .statement(
        'INSERT INTO projection_checkpoints (projection, checkpoint) VALUES (?, ?) ' +
          'ON CONFLICT (projection) DO UPDATE SET checkpoint = excluded.checkpoint',
      )
      .run(checkpoint.projection, checkpointJson(checkpoint));
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    const rows = this.sqlite.all<{ checkpoint: string }>({
      text: 'SELECT checkpoint FROM projection_checkpoints ORDER BY projection',
      params: [],
    });
    return rows.map((r) => JSON.parse(r.checkpoint) as ProjectionCheckpoint);
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    this.sqlite.statement('DELETE FROM projection_checkpoints WHERE projection = ?').run(projection);
  }

  async close(): Promise<void> {
    this.sqlite.close();
  }
}

function isCollectionTable(name: string): boolean {
  try {
    checkCollectionName(name);
    return true;
  } catch {
    return false;
  }
}

/** Creates the index when missing; one of the same name but another definition is an error, never replaced. */
function ensureIndex(db: Database.Database, collection: string, index: IndexDefinition): void {
  const wanted = createIndexSql(collection, index);
  const existing = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(wanted.name) as
    | string
    | undefined;
  if (existing === undefined) db.exec(wanted.text);
  else if (existing !== wanted.text) {
    throw new Error(
      `index ${index.name} of ${collection} exists with another definition (${existing}): drop it deliberately, it is never replaced`,
    );
  }
}

/** Opens (or creates) the file; no server to wait for, hence synchronous. Unusable file: ReadStoreUnavailableError. */
export function openEmbeddedReadStore(options: EmbeddedReadStoreOptions): EmbeddedReadStore {
  return new EmbeddedReadStore(options);
}
