import { Admin } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { committedCount } from './kafka-topics';
import { hrtimeUs, RunningPlatform } from './platform-process';
import { PlatformHeap, readPlatformHeap } from './platform-heap';
import { ProcessMemory, readProcessMemory } from './process-memory';

export const sampleEveryMs = 250;
/** The heap is read from the platform's GET /metrics once a second, not at every sample: each read is a request it serves. */
export const heapEverySamples = 4;
const stallTimeoutMs = 180_000;

export interface WatchSample extends ProcessMemory, Partial<PlatformHeap> {
  /** Seconds since the platform said it listens. */
  seconds: number;
  committed: number;
}

export interface Watched {
  samples: WatchSample[];
  /** hrtime µs of the first sample that saw every message committed. */
  doneAtUs: number;
  /** The kernel's RSS high-water mark, read just before the platform is stopped. */
  hwmMiB: number;
}

/**
 * Every 250 ms: the offsets the platform's group committed (admin.fetchOffsets) and the platform's
 * resident memory (/proc/<pid>/status), until all `expected` messages are committed; every second, its JS heap.
 * Fails when the platform exits first, or commits nothing new for three minutes.
 */
export async function watchIngestion(admin: Admin, platform: RunningPlatform, groupId: string, topic: string, expected: number): Promise<Watched> {
  const samples: WatchSample[] = [];
  let exited = false;
  void platform.exited.then(() => (exited = true));
  let lastProgressAt = Date.now();
  let heap: PlatformHeap | undefined;
  for (;;) {
    if (samples.length % heapEverySamples === 0) heap = (await readPlatformHeap(platform.url)) ?? heap;
    const committed = await committedCount(admin, groupId, topic);
    const at = hrtimeUs();
    const memory = readProcessMemory(platform.pid);
    if (exited || !memory) throw new Error(`the platform exited after ${committed} of ${expected} messages were committed:\n${platform.warnings.join('\n')}`);
    if (committed !== samples[samples.length - 1]?.committed) lastProgressAt = Date.now();
    samples.push({ seconds: (at - platform.listeningAtUs) / 1e6, committed, ...memory, ...heap });
    if (committed >= expected) return { samples, doneAtUs: at, hwmMiB: memory.hwmMiB };
    if (Date.now() - lastProgressAt > stallTimeoutMs) {
      throw new Error(`no offset committed for ${stallTimeoutMs / 1000} s, at ${committed} of ${expected}:\n${platform.warnings.join('\n')}`);
    }
    await sleep(sampleEveryMs);
  }
}

/** When the committed count crossed `fraction` of `expected`, interpolated between the two samples around it. */
export function crossing(samples: readonly WatchSample[], expected: number, fraction: number): number {
  const target = expected * fraction;
  const after = samples.findIndex((s) => s.committed >= target);
  if (after <= 0) return samples[Math.max(0, after)]?.seconds ?? 0;
  const before = samples[after - 1];
  const next = samples[after];
  return before.seconds + ((target - before.committed) / (next.committed - before.committed)) * (next.seconds - before.seconds);
}
