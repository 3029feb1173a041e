import { closeSync, fdatasyncSync, openSync, readFileSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { elapsedMs, nowMs, summariseLatencies } from './timing';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started: other work on the machine skews the numbers. */
  loadAverage: number;
  disk: string;
  /** fdatasync of an 8 KiB write in the data directory: the floor under a durable commit. */
  fsync: { p50: number; p99: number };
  /** 128 KiB writes (about one append of 100 events), each followed by fdatasync: the ceiling of durable appends. */
  syncedWriteMBps: number;
}

export function describeMachine(dataDir: string): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg()[0],
    disk: mountOf(dataDir),
    fsync: measureFsync(dataDir),
    syncedWriteMBps: measureSyncedWrites(dataDir),
  };
}

function mountOf(dir: string): string {
  try {
    const path = realpathSync(dir);
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, point]) => point && (path === point || path.startsWith(point === '/' ? '/' : `${point}/`)))
      .sort((a, b) => b[1].length - a[1].length);
    const [device, point, type] = mounts[0];
    return `${path} on ${device} (${type}, mounted at ${point})`;
  } catch {
    return dir;
  }
}

function measureFsync(dir: string): { p50: number; p99: number } {
  const file = join(dir, 'fsync-probe');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(8192, 7);
  const latencies = new Float64Array(200);
  try {
    for (let i = 0; i < latencies.length; i++) {
      writeSync(fd, block);
      const start = nowMs();
      fdatasyncSync(fd);
      latencies[i] = elapsedMs(start);
    }
  } finally {
    closeSync(fd);
    rmSync(file);
  }
  const { p50, p99 } = summariseLatencies(latencies);
  return { p50, p99 };
}

function measureSyncedWrites(dir: string): number {
  const file = join(dir, 'write-probe');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(128 * 1024, 7);
  const blocks = 1024;
  const start = nowMs();
  try {
    for (let i = 0; i < blocks; i++) {
      writeSync(fd, block);
      fdatasyncSync(fd);
    }
  } finally {
    closeSync(fd);
    rmSync(file);
  }
  return (blocks * block.length) / 1e6 / (elapsedMs(start) / 1000);
}
