import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

export class EventStoreLockedError extends Error {
  readonly code = 'event-store-locked';
  constructor(dataDir: string, pid: number) {
    super(
      `the event store in ${dataDir} is already open for writing by process ${pid}; ` +
        `stop that process, or open this one read-only`,
    );
  }
}

const heldInThisProcess = new Set<string>();

/**
 * One writer per data folder, so that revisions and positions are assigned in one place.
 * The lock file holds the writer's pid; a lock left by a dead process (kill -9) is taken over.
 */
export class WriterLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): WriterLock {
    const file = resolve(dataDir, 'writer.lock');
    if (heldInThisProcess.has(file)) throw new EventStoreLockedError(dataDir, process.pid);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        heldInThisProcess.add(file);
        return new WriterLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(readFileSync(file, 'utf8').trim());
        // Our own pid here means a previous incarnation of this container/process slot: stale.
        if (holder && holder !== process.pid && isAlive(holder)) throw new EventStoreLockedError(dataDir, holder);
        unlinkSync(file);
      }
    }
    throw new Error(`could not take the writer lock ${file}: another process keeps taking it`);
  }

  release(): void {
    if (!heldInThisProcess.delete(this.file)) return;
    try {
      if (readFileSync(this.file, 'utf8').trim() === String(process.pid)) unlinkSync(this.file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
