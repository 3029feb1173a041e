/**
 * Says when a partial batch is due: once the subscription has been quiet for `idleMs` (history is read
 * in a rush, so this only fires live), or `maxAgeMs` after the batch's first event when events trickle in
 * steadily. Real time, not the engine's clock: it paces I/O and must advance in tests too.
 */
export class BatchDeadline {
  private firstAt = 0;
  private lastAt = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private dueNow = false;

  constructor(
    private readonly idleMs: number,
    private readonly maxAgeMs: number,
    private readonly onDue: () => void,
  ) {}

  get due(): boolean {
    return this.dueNow;
  }

  /** Called for each event added; `batchSize` is the size after adding it. */
  eventAdded(batchSize: number): void {
    const now = performance.now();
    this.lastAt = now;
    if (batchSize === 1) {
      this.firstAt = now;
      this.arm(this.idleMs);
    } else if (now - this.firstAt >= this.maxAgeMs) {
      this.dueNow = true;
    }
  }

  /** A message without an event: the subscription is not idle. */
  messageSeen(): void {
    this.lastAt = performance.now();
  }

  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dueNow = false;
  }

  private arm(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.check, Math.max(0, delayMs));
  }

  private readonly check = (): void => {
    this.timer = undefined;
    const now = performance.now();
    const dueAt = Math.min(this.lastAt + this.idleMs, this.firstAt + this.maxAgeMs);
    // Timers may fire a fraction of a millisecond before the performance clock agrees.
    if (now + 1 >= dueAt) {
      this.dueNow = true;
      this.onDue();
    } else {
      this.arm(dueAt - now);
    }
  };
}
