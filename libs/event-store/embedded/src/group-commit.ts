import Database from 'better-sqlite3';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: appends that arrive in the same tick share one transaction, hence one fsync.
 * Each runs inside its own savepoint, so a rejected append (a concurrency conflict) leaves the others intact.
 * Callers are answered only after COMMIT returned: an acknowledged append is durable.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly onCommitted: () => void,
  ) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.idle = new Promise((done) => (this.markIdle = done));
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once everything queued so far is committed (or rejected). */
  drained(): Promise<void> {
    return this.idle;
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const pending of batch) {
        this.db.exec('SAVEPOINT append');
        try {
          outcomes.push({ ok: true, value: pending.work() });
          this.db.exec('RELEASE append');
        } catch (error) {
          // Some errors (disk full, I/O) make SQLite roll back the whole transaction: then all fail together.
          if (!this.db.inTransaction) throw error;
          this.db.exec('ROLLBACK TO append; RELEASE append');
          outcomes.push({ ok: false, value: error });
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const pending of batch) pending.reject(error);
      this.markIdle();
      return;
    }
    batch.forEach((pending, i) => (outcomes[i].ok ? pending.resolve(outcomes[i].value) : pending.reject(outcomes[i].value)));
    this.markIdle();
    this.onCommitted();
  }
}
