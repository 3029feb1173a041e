import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The FerretDB that infra/start.sh runs, by the pid file it leaves; undefined when it cannot be found. */
function ferretdbPid(): number | undefined {
  const home = process.env.CDP_INFRA_HOME ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cdp-infra');
  try {
    return Number(readFileSync(join(home, 'run', 'ferretdb', 'ferretdb.pid'), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Waits until FerretDB has been nearly idle for two seconds: a client killed at a time limit leaves its bulk write
 * running inside FerretDB, which would take a core from whatever the benchmark measures next. Returns the seconds waited.
 */
export async function waitForFerretDbIdle(maxSeconds = 600): Promise<number> {
  const pid = ferretdbPid();
  if (pid === undefined) return 0;
  const started = performance.now();
  let last = cpuSeconds(pid);
  while (last !== undefined && (performance.now() - started) / 1000 < maxSeconds) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = cpuSeconds(pid);
    if (now === undefined || now - last < 0.1) break;
    last = now;
  }
  return (performance.now() - started) / 1000;
}
