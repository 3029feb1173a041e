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

/** Samples of two seconds in a row, each under 5 % of a core, that count as idle. */
const quietSamples = 5;

/**
 * Waits until FerretDB has been nearly idle for ten seconds: a client killed at a time limit leaves its bulk write
 * running inside FerretDB, which would take a core from whatever the benchmark measures next. Returns the seconds
 * waited, and whether it went idle (false: it was still busy after `maxSeconds`).
 */
export async function waitForFerretDbIdle(maxSeconds = 900): Promise<{ seconds: number; idle: boolean }> {
  const pid = ferretdbPid();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  if (pid === undefined) return { seconds: 0, idle: true };
  let last = cpuSeconds(pid);
  let quiet = 0;
  while (last !== undefined && quiet < quietSamples) {
    if (elapsed() > maxSeconds) return { seconds: elapsed(), idle: false };
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = cpuSeconds(pid);
    if (now === undefined) break;
    quiet = now - last < 0.1 ? quiet + 1 : 0;
    last = now;
  }
  return { seconds: elapsed(), idle: true };
}
