import { MemorySample, sampleMemory } from './memory-samples';
import { progress } from './progress';
import { collectGarbage, elapsedMs, nowMs, ThroughputRun } from './timing';

export interface ReadRun extends ThroughputRun {
  /** The first sample is taken before the first event, then one every `sampleEvery` events. */
  memory: MemorySample[];
}

/** Counts the events a read loop sees, timing it and sampling the process's memory as it goes. */
export class ReadMeter {
  private events = 0;
  private started = 0;
  private readonly memory: MemorySample[] = [];

  constructor(
    private readonly label: string,
    private readonly expected: number,
    private readonly sampleEvery: number,
  ) {}

  start(): this {
    collectGarbage();
    this.memory.push(sampleMemory(0));
    this.started = nowMs();
    return this;
  }

  count(): void {
    if (++this.events % this.sampleEvery === 0) {
      this.memory.push(sampleMemory(this.events));
      if (this.events % (this.sampleEvery * 5) === 0 && this.events < this.expected) progress(this.label, this.events, this.expected, elapsedMs(this.started));
    }
  }

  finish(): ReadRun {
    const ms = elapsedMs(this.started);
    if (this.events !== this.expected) {
      throw new Error(`${this.label} saw ${this.events} events, expected ${this.expected}`);
    }
    progress(this.label, this.events, this.expected, ms);
    return { events: this.events, seconds: ms / 1000, memory: this.memory };
  }
}
