import { readFileSync } from 'node:fs';

const mib = 1024 * 1024;

export interface MemorySample {
  events: number;
  rssMiB: number;
  heapUsedMiB: number;
  /** Linux only: RSS split into anonymous memory (heap, malloc, SQLite's page cache) and mapped files (SQLite's mmap). */
  rssAnonMiB?: number;
  rssFileMiB?: number;
}

export function sampleMemory(events: number): MemorySample {
  const usage = process.memoryUsage();
  return { events, rssMiB: usage.rss / mib, heapUsedMiB: usage.heapUsed / mib, ...rssSplit() };
}

function rssSplit(): Pick<MemorySample, 'rssAnonMiB' | 'rssFileMiB'> {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssAnonMiB: kib('RssAnon') / 1024, rssFileMiB: kib('RssFile') / 1024 };
  } catch {
    return {};
  }
}

export interface MemoryGrowth {
  /** max − first sample taken while reading (the brief's measure). */
  sinceFirstMiB: number;
  /** max over the second half − the sample at half way: a flat line stays near zero. */
  secondHalfMiB: number;
  anonSinceFirstMiB?: number;
  fileSinceFirstMiB?: number;
}

/** `samples[0]` is taken before the first event; the others every N events. */
export function memoryGrowth(samples: readonly MemorySample[]): MemoryGrowth {
  const reading = samples.slice(1);
  if (reading.length === 0) return { sinceFirstMiB: 0, secondHalfMiB: 0 };
  const first = reading[0];
  const middle = reading[Math.floor((reading.length - 1) / 2)];
  const max = (pick: (s: MemorySample) => number | undefined, from: readonly MemorySample[]) =>
    Math.max(...from.map((s) => pick(s) ?? 0));
  const secondHalf = reading.slice(reading.indexOf(middle));
  return {
    sinceFirstMiB: max((s) => s.rssMiB, reading) - first.rssMiB,
    secondHalfMiB: max((s) => s.rssMiB, secondHalf) - middle.rssMiB,
    anonSinceFirstMiB: first.rssAnonMiB === undefined ? undefined : max((s) => s.rssAnonMiB, reading) - first.rssAnonMiB,
    fileSinceFirstMiB: first.rssFileMiB === undefined ? undefined : max((s) => s.rssFileMiB, reading) - first.rssFileMiB,
  };
}
