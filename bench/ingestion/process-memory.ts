import { readFileSync } from 'node:fs';

/** Resident memory of a process, in MiB, from /proc/<pid>/status (Linux). */
export interface ProcessMemory {
  rssMiB: number;
  /** The kernel's high-water mark of RSS since the process started: no peak between two samples escapes it. */
  hwmMiB: number;
  /** Anonymous memory: the JS heap, malloc, SQLite's page cache. */
  anonMiB: number;
  /** Mapped file pages: SQLite's mmap of the database file, the code of node and its addons. */
  fileMiB: number;
}

export function readProcessMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const mib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rssMiB: mib('VmRSS'), hwmMiB: mib('VmHWM'), anonMiB: mib('RssAnon'), fileMiB: mib('RssFile') };
}
