import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export class EventStoreLockedError extends Error {
  readonly code = 'event-store-locked';
  constructor(dataDir: string, holder: string) {
    super(`the event store in ${dataDir} is already open for writing by ${holder}; stop that process, or open this one read-only`);
  }
}

/**
 * One writer per data folder, so that revisions and positions are assigned in one place.
 * The lock is a kernel file lock held by an exclusive SQLite transaction on `writer.lock` for the
 * writer's whole life: the kernel drops it when the process dies (kill -9 included), with no stale
 * lock to detect and no race between two processes taking it. `writer.pid` only names the holder.
 */
export class WriterLock {
  private constructor(
    private readonly lock: Database.Database,
    private readonly pidFile: string,
  ) {}

  static acquire(dataDir: string): WriterLock {
    const pidFile = resolve(dataDir, 'writer.pid');
    const lock = new Database(resolve(dataDir, 'writer.lock'), { timeout: 0 });
    try {
      lock.pragma('locking_mode = EXCLUSIVE');
      lock.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      lock.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new EventStoreLockedError(dataDir, holderOf(pidFile));
      throw error;
    }
    writeFileSync(pidFile, String(process.pid));
    return new WriterLock(lock, pidFile);
  }

  release(): void {
    if (!this.lock.open) return;
    rmSync(this.pidFile, { force: true });
    this.lock.close();
  }
}

function holderOf(pidFile: string): string {
  try {
    return `process ${readFileSync(pidFile, 'utf8').trim()}`;
  } catch {
    return 'another process';
  }
}
