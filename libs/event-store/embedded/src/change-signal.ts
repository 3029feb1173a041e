/**
 * Wakes live subscriptions when an append commits in this process. Readers in another process
 * never hear it, so they also wake on a timer and look again: polling by position is cheap.
 * The version counter closes the race where a commit lands between a read and the wait.
 */
export class ChangeSignal {
  private readonly waiters = new Set<() => void>();
  private commits = 0;

  get version(): number {
    return this.commits;
  }

  notify(): void {
    this.commits++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves at the first commit after `seenVersion` (at once if one already happened), or after the timeout. */
  wait(seenVersion: number, timeoutMs: number): Promise<void> {
    if (this.commits !== seenVersion) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }
}
