import { AppendPlan, PlannedAppend, plannedAppends } from './append-plan';
import { elapsedMs, inPool, LatencySummary, nowMs, summariseLatencies, ThroughputRun } from './timing';

/** Something the planned appends are written through: a store, or the raw driver. */
export interface ChunkWriter<Prepared = unknown> {
  label: string;
  /** Untimed work before a chunk is written, such as turning events into rows. */
  prepare?(chunk: PlannedAppend[]): Prepared;
  write(chunk: PlannedAppend[], prepared: Prepared): Promise<void> | void;
  latency?(): LatencySummary;
}

/** Appends through `append`, `inFlight` at a time (1: each awaited before the next); each append's latency is recorded. */
export function appendWriter(label: string, inFlight: number, append: (planned: PlannedAppend) => Promise<unknown>): ChunkWriter {
  const latencies: number[] = [];
  return {
    label,
    write: (chunk) =>
      inPool(chunk, inFlight, async (planned) => {
        const start = nowMs();
        await append(planned);
        latencies.push(elapsedMs(start));
      }),
    latency: () => summariseLatencies(Float64Array.from(latencies)),
  };
}

/**
 * Writes the plan through every writer, chunk by chunk: each chunk goes through all of them in turn
 * (the first one rotating), so that all see the machine in the same state. Only `write` is timed, per writer.
 */
export async function timeSideBySide(plan: AppendPlan, writers: ChunkWriter[]): Promise<ThroughputRun[]> {
  const spentMs = writers.map(() => 0);
  let events = 0;
  let round = 0;
  for (const chunk of plannedAppends(plan)) {
    for (let turn = 0; turn < writers.length; turn++) {
      const w = (round + turn) % writers.length;
      const prepared = writers[w].prepare?.(chunk);
      const start = nowMs();
      await writers[w].write(chunk, prepared);
      spentMs[w] += elapsedMs(start);
    }
    round++;
    events += chunk.reduce((sum, planned) => sum + planned.events.length, 0);
    const rates = writers.map((writer, w) => `${writer.label} ${Math.round(events / (spentMs[w] / 1000)).toLocaleString('en-US')}/s`);
    process.stderr.write(`  ${events.toLocaleString('en-US')} / ${plan.events.toLocaleString('en-US')} events: ${rates.join(', ')}\n`);
  }
  return writers.map((writer, w) => ({ events, seconds: spentMs[w] / 1000, latency: writer.latency?.() }));
}

export async function timeAppends(
  label: string,
  plan: AppendPlan,
  inFlight: number,
  append: (planned: PlannedAppend) => Promise<unknown>,
): Promise<ThroughputRun> {
  const [run] = await timeSideBySide(plan, [appendWriter(label, inFlight, append)]);
  return run;
}
