import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

export interface ThroughputRun {
  events: number;
  seconds: number;
  /** Per operation (an append, a transaction), in milliseconds. */
  latency?: LatencySummary;
}

export function elapsedMs(since: number): number {
  return performance.now() - since;
}

export function nowMs(): number {
  return performance.now();
}

export function eventsPerSecond(run: ThroughputRun): number {
  return run.events / run.seconds;
}

export function summariseLatencies(latencies: Float64Array): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** Starts `work` on each item, at most `inFlight` at a time; resolves when all are done. */
export async function inPool<T>(items: readonly T[], inFlight: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
