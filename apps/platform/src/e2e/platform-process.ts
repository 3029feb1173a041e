import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built platform, as operators run it: `node apps/platform/dist/main.js`. */
const mainJs = resolve(__dirname, '../../dist/main.js');
/** The projection worker alone: `node apps/platform/dist/projector.js`. */
export const projector = { script: resolve(__dirname, '../../dist/projector.js'), listening: 'CDP projector listening on' };
const startTimeoutMs = 30_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningPlatform {
  baseUrl: string;
  process: ChildProcess;
  /** Every JSON log line so far. */
  logs: Record<string, unknown>[];
  exited: Promise<Exit>;
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cdp-e2e-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function spawnPlatform(env: Record<string, string>, script = mainJs): { child: ChildProcess; exited: Promise<Exit>; stdout: string[]; stderr: string[] } {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    stdout.push(...lines.filter(Boolean));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, exited, stdout, stderr };
}

/** Starts the platform on a free port and resolves once it says where it listens. */
export async function startPlatform(
  env: Record<string, string>,
  { script, listening }: { script: string; listening: string } = { script: mainJs, listening: 'CDP platform listening on' },
): Promise<RunningPlatform> {
  const { child, exited, stdout, stderr } = spawnPlatform({ PORT: '0', HOST: '127.0.0.1', ...env }, script);
  const logs: Record<string, unknown>[] = [];
  const started = new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`platform did not start in ${startTimeoutMs} ms:\n${stderr.join('')}`)), startTimeoutMs);
    child.stdout?.on('data', () => {
      while (logs.length < stdout.length) {
        const line = JSON.parse(stdout[logs.length]) as Record<string, unknown>;
        logs.push(line);
        if (typeof line.msg === 'string' && line.msg.startsWith(listening)) {
          clearTimeout(timer);
          done(String(line.url));
        }
      }
    });
    void exited.then((exit) => {
      clearTimeout(timer);
      fail(new Error(`platform exited (${exit.code ?? exit.signal}) before listening:\n${stderr.join('')}`));
    });
  });
  const baseUrl = await started;
  return {
    baseUrl,
    process: child,
    logs,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the platform when it is expected to refuse to start. */
export async function runPlatformToExit(env: Record<string, string>): Promise<Exit & { stdout: string; stderr: string }> {
  const { child, exited, stdout, stderr } = spawnPlatform(env);
  const timer = setTimeout(() => child.kill('SIGKILL'), startTimeoutMs);
  const exit = await exited;
  clearTimeout(timer);
  return { ...exit, stdout: stdout.join('\n'), stderr: stderr.join('') };
}
