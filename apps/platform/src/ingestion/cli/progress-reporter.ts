import { progressLine } from './progress-line';

/** Redraws one progress line on a terminal (at most a few times a second), or prints a line every few seconds to a log. */
export class ProgressReporter {
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly unit: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, fraction?: number, force = false): void {
    const now = Date.now();
    const every = this.out.isTTY ? 200 : 5_000;
    if (!force && now - this.lastDraw < every) return;
    this.lastDraw = now;
    const line = progressLine({ done, fraction, elapsedMs: now - this.started, unit: this.unit });
    this.out.write(this.out.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  }

  finish(done: number): void {
    this.update(done, 1, true);
    if (this.out.isTTY) this.out.write('\n');
  }
}
