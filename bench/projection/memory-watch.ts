import { readProcessMemory } from '../ingestion/process-memory';

/** Resident memory of one process over a stretch of time, in MiB. */
export interface MemoryPeak {
  /** The largest of the samples. */
  peakRssMiB: number;
  /** The kernel's high-water mark at the end: the largest RSS since the process started, between samples too. */
  hwmMiB: number;
  /** Anonymous (heap, malloc, SQLite's page cache) and mapped-file parts of the peak sample. */
  anonAtPeakMiB: number;
  fileAtPeakMiB: number;
  samples: number;
}

export const memorySampleMs = 250;

/** The larger of the sampled peak and the kernel's high-water mark. */
export function peakMiB(memory: { peakRssMiB: number; hwmMiB: number }): number {
  return Math.max(memory.peakRssMiB, memory.hwmMiB);
}

/** Samples the RSS of `pid` every 250 ms until `stop`. */
export function watchMemory(pid: number): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { peakRssMiB: 0, hwmMiB: 0, anonAtPeakMiB: 0, fileAtPeakMiB: 0, samples: 0 };
  const sample = () => {
    const memory = readProcessMemory(pid);
    // Gone, or a zombie whose status has no memory lines any more.
    if (!memory || Number.isNaN(memory.rssMiB)) return;
    peak.samples++;
    if (!Number.isNaN(memory.hwmMiB)) peak.hwmMiB = Math.max(peak.hwmMiB, memory.hwmMiB);
    if (memory.rssMiB > peak.peakRssMiB) {
      peak.peakRssMiB = memory.rssMiB;
      peak.anonAtPeakMiB = memory.anonMiB;
      peak.fileAtPeakMiB = memory.fileMiB;
    }
  };
  sample();
  const timer = setInterval(sample, memorySampleMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}
