import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReadStoreUnavailableError } from '@cdp/read-store';
import { Sql } from './sql-query';

/** Query shapes repeat (a projection or an API asks the same few questions), so their statements are kept. */
const cachedStatements = 256;

/** The read store's SQLite file: its settings, a cache of prepared statements, and the closed state. */
export class SqliteFile {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly file: string) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file);
    } catch (error) {
      throw new ReadStoreUnavailableError(`cannot open the read store file ${file}: ${(error as Error).message}`, { cause: error });
    }
    // page_size only takes effect before the first table exists (and before WAL mode).
    this.db.pragma('page_size = 8192');
    this.db.pragma('journal_mode = WAL');
    // NORMAL: a commit survives a crash of the process, and the last commits may be lost on power loss.
    // That is enough here: read models are rebuilt from the event store, writes are position-guarded,
    // and the WAL keeps commits in order, so a checkpoint is never ahead of the documents it vouches for.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -65536');
    // Mapped pages count in the process's resident memory: a rebuild beside the event store's own 256 MiB map came
    // within a few MB of 1 GB with 256 MiB here. Beyond the map SQLite reads through its page cache, as fast here.
    this.db.pragma('mmap_size = 67108864');
    this.db.pragma('temp_store = MEMORY');
    // The commit that crosses this many WAL pages (8 KiB each) runs the checkpoint, holding up its writer: with 8192
    // a live projection stalled 300-400 ms about once a second at 1,000 events/s; 1000 (8 MB) gave the best p99 of
    // 500, 1000 and 8192 (bench:freshness), and left the rebuild's time as it was.
    this.db.pragma('wal_autocheckpoint = 1000');
    this.db.pragma('journal_size_limit = 67108864');
  }

  /** The database, or ReadStoreUnavailableError once the store is closed. */
  use(): Database.Database {
    if (!this.db.open) throw new ReadStoreUnavailableError(`the read store ${this.file} is closed`);
    return this.db;
  }

  statement(text: string): Database.Statement {
    const db = this.use();
    let statement = this.statements.get(text);
    if (statement) {
      // Most recently used last, so the first entry is the one to evict.
      this.statements.delete(text);
    } else {
      statement = db.prepare(text);
      if (this.statements.size >= cachedStatements) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(text, statement);
    return statement;
  }

  all<Row>(sql: Sql): Row[] {
    return this.statement(sql.text).all(...sql.params) as Row[];
  }

  get<Row>(sql: Sql): Row | undefined {
    return this.statement(sql.text).get(...sql.params) as Row | undefined;
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
