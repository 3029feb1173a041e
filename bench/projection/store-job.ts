import { Position } from '@cdp/event-store';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { platformNodeFlags } from '../ingestion/platform-process';
import { MemoryPeak, watchMemory } from './memory-watch';
import { CeilingRun } from './raw-ceiling';
import { RebuildRun } from './rebuild';

/** A read store as a child process opens it. */
export type StoreSpec = { kind: 'embedded'; file: string } | { kind: 'ferretdb'; url: string; database: string };

/** The platform's projections by their key in `platformProjections()`. */
export type ProjectionKey = 'customer360' | 'salesByMonth';

/** What a child process does: one rebuild, or one raw ceiling (always of the 360° view's documents). */
export type StoreJob =
  | { kind: 'rebuild'; projection: ProjectionKey; historyDir: string; upTo: Position; store: StoreSpec; timeLimitMs?: number }
  | {
      kind: 'ceiling';
      source: Extract<StoreSpec, { kind: 'embedded' }>;
      target: StoreSpec;
      writes: number;
      batchSize: number;
      seed: number;
      timeLimitMs?: number;
    };

export type JobResult<J extends StoreJob> = (J extends { kind: 'rebuild' } ? RebuildRun : CeilingRun) & { memory: MemoryPeak };

export const resultPrefix = 'RESULT ';
const jobMain = join(__dirname, 'store-job-main.ts');
const running = new Set<ChildProcess>();
const killGraceMs = 120_000;

/** Kills the job processes still running (a run interrupted half way). */
export function stopAllJobs(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Runs the job in a process of its own, so that its resident memory is the job's alone (the embedded event
 * store and the worker, as in the platform), sampled from here. A rebuild runs under the platform's heap
 * limit (`platformNodeFlags`); a raw ceiling, which is no part of the platform, under node's default.
 */
export async function runStoreJob<J extends StoreJob>(job: J): Promise<JobResult<J>> {
  const flags = job.kind === 'rebuild' ? platformNodeFlags : [];
  const child = spawn(process.execPath, [...flags, '--conditions=@cdp/source', '-r', join(__dirname, '..', 'register.js'), jobMain, JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  const memory = watchMemory(child.pid as number);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // A job stops itself at its time limit between two writes; one write that never ends is cut short here.
  const killer = job.timeLimitMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), job.timeLimitMs + killGraceMs);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  clearTimeout(killer);
  running.delete(child);
  const peak = memory.stop();
  const line = stdout.split('\n').find((text) => text.startsWith(resultPrefix));
  if (exit.signal === 'SIGKILL' && job.timeLimitMs !== undefined) {
    throw new Error(`one write of the ${job.kind} was still running ${(killGraceMs / 60_000).toFixed(0)} min after the time limit of ${(job.timeLimitMs / 60_000).toFixed(0)} min: killed`);
  }
  if (exit.code !== 0 || !line) throw new Error(`the ${job.kind} process ended with ${exit.code ?? exit.signal} and no result:\n${stdout}`);
  // The child reads its own high-water mark last: a peak after the last sample is not missed.
  const { hwmMiB, ...result } = JSON.parse(line.slice(resultPrefix.length)) as RebuildRun & CeilingRun & { hwmMiB: number };
  return { ...result, memory: { ...peak, hwmMiB: Math.max(peak.hwmMiB, hwmMiB) } } as JobResult<J>;
}
