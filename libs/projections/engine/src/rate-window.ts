import { Clock } from './engine-options';

/**
 * Events per second over a sliding window (default ten seconds), counted in a hundred buckets:
 * constant memory, and exact to within one bucket's events (the window slides a bucket at a time).
 */
export class RateWindow {
  private readonly bucketMs: number;
  private readonly counts: number[];
  private readonly slots: number[];
  private startedAt: number;

  constructor(
    private readonly clock: Clock,
    private readonly windowMs = 10_000,
    private readonly buckets = 100,
  ) {
    this.bucketMs = windowMs / buckets;
    this.counts = new Array<number>(buckets).fill(0);
    this.slots = new Array<number>(buckets).fill(-Infinity);
    this.startedAt = clock.now();
  }

  /** Starts a new measurement (a runner that starts again has no rate yet). */
  restart(): void {
    this.counts.fill(0);
    this.slots.fill(-Infinity);
    this.startedAt = this.clock.now();
  }

  record(events: number): void {
    const slot = Math.floor(this.clock.now() / this.bucketMs);
    const index = slot % this.buckets;
    if (this.slots[index] !== slot) {
      this.slots[index] = slot;
      this.counts[index] = 0;
    }
    this.counts[index] += events;
  }

  /** Over the window, or over the time since the start when that is shorter (counted as one second at least). */
  perSecond(): number {
    const now = this.clock.now();
    const current = Math.floor(now / this.bucketMs);
    let events = 0;
    for (let index = 0; index < this.buckets; index++) {
      if (this.slots[index] > current - this.buckets) events += this.counts[index];
    }
    const elapsedMs = Math.max(1_000, Math.min(this.windowMs, now - this.startedAt));
    return (events * 1_000) / elapsedMs;
  }
}
