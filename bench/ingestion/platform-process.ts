import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The built platform, as operators run it (`npm run build` makes it). */
export const mainJs = resolve(__dirname, '..', '..', 'apps', 'platform', 'dist', 'main.js');
const startTimeoutMs = 60_000;
const stopTimeoutMs = 120_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One major GC as `--trace-gc` prints it: heap used (and committed) before and after, in MB. */
export interface MajorGc {
  usedBefore: number;
  usedAfter: number;
  committedAfter: number;
}

export interface RunningPlatform {
  pid: number;
  /** Where it listens, e.g. http://127.0.0.1:40123. */
  url: string;
  /** process.hrtime in µs (CLOCK_MONOTONIC, the clock of V8's CPU profiles) when the platform said it listens. */
  listeningAtUs: number;
  /** Milliseconds from spawn to that line. */
  startupMs: number;
  /** Log lines at warn level or above, as written. */
  warnings: string[];
  /** Filled when node runs with --trace-gc. */
  majorGcs: MajorGc[];
  exited: Promise<Exit>;
  stop(): Promise<Exit>;
}

/** The flags `npm start` and the container image run the platform with (package.json, infra/docker/Dockerfile). */
export const platformNodeFlags = ['--max-old-space-size=192'];

const running = new Set<ChildProcess>();

/** Kills any platform this process started and has not seen exit (a run that failed half way). */
export function stopAllPlatforms(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function hrtimeUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Starts `node [platform flags] [nodeArgs] apps/platform/dist/main.js` with exactly this environment (plus PATH) and
 * resolves once it logs that it listens (LOG_LEVEL=info: that line is at info, as the e2e tests read it).
 */
export async function startPlatform(env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<RunningPlatform> {
  const spawnedAt = hrtimeUs();
  const child: ChildProcess = spawn(process.execPath, [...platformNodeFlags, ...nodeArgs, mainJs], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const warnings: string[] = [];
  const majorGcs: MajorGc[] = [];
  let url = '';
  const stderr: string[] = [];
  running.add(child);
  const exited = new Promise<Exit>((done) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    }),
  );
  let pending = '';
  let onListening!: (at: number) => void;
  let onFailure!: (error: Error) => void;
  const listening = new Promise<number>((done, fail) => ((onListening = done), (onFailure = fail)));
  const timer = setTimeout(() => onFailure(new Error(`the platform did not listen within ${startTimeoutMs} ms:\n${stderr.join('')}`)), startTimeoutMs);
  void exited.then((exit) => onFailure(new Error(`the platform exited (${exit.code ?? exit.signal}) before listening:\n${stderr.join('')}`)));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const at = hrtimeUs();
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      // V8's --trace-gc lines: "[pid:0x…]  41567 ms: Mark-Compact 244.4 (292.5) -> 64.4 (281.7) MB, …"
      if (/^\[\d+:0x[0-9a-f]+\]/.test(line)) {
        const gc = /Mark-Compact ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(line);
        if (gc) majorGcs.push({ usedBefore: Number(gc[1]), usedAfter: Number(gc[3]), committedAfter: Number(gc[4]) });
        continue;
      }
      let entry: { level?: number; msg?: unknown; url?: unknown };
      try {
        entry = JSON.parse(line) as { level?: number; msg?: unknown; url?: unknown };
      } catch {
        warnings.push(line);
        continue;
      }
      if ((entry.level ?? 0) >= 40) warnings.push(line);
      if (typeof entry.msg === 'string' && entry.msg.startsWith('CDP platform listening on')) {
        url = String(entry.url);
        onListening(at);
      }
    }
  });
  let listeningAtUs: number;
  try {
    listeningAtUs = await listening;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    pid: child.pid as number,
    url,
    listeningAtUs,
    startupMs: (listeningAtUs - spawnedAt) / 1000,
    warnings,
    majorGcs,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      if (stderr.length > 0) warnings.push(...stderr);
      return exit;
    },
  };
}
