import { customerIdOf } from '@cdp/history-generator';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { platformProjections } from '@cdp/read-models';
import { cpSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SeededRandom } from '../event-store/seeded-random';
import { Exit, startPlatform } from '../ingestion/platform-process';
import { FreshnessRun, measureFreshness } from './freshness';
import { ProjectionBenchConfig } from './projection-bench-config';
import { MemoryPeak, watchMemory } from './memory-watch';
import { ReadLatency, timeReads } from './read-latency';

export interface PlatformPhase {
  copySeconds: number;
  startupSeconds: number;
  /** From "listening" until GET /v1/projections said every projection runs with nothing to apply. */
  settleSeconds: number;
  reads: ReadLatency;
  freshness: FreshnessRun;
  /** The platform's resident memory from start to stop. */
  memory: MemoryPeak;
  /** The JS heap in use after each major GC (`--trace-gc`), MB: what the caches and live objects hold. */
  heapAfterGcMB: number[];
  /** When the platform ran out of JS heap (its 192 MB limit): it then died with SIGABRT. */
  outOfHeap: boolean;
  exit: Exit;
  warnings: string[];
}

/** The counts and rates of the platform phase, as the benchmark's configuration gives them. */
export function platformPhaseSettings(config: ProjectionBenchConfig): Omit<PlatformPhaseOptions, 'historyDir' | 'readStoreFile' | 'workDir' | 'platformEnv'> {
  const { history, reads, readWarmup, probes, probeEveryMs, loadPerSecond } = config;
  return { customers: history.customers, reads, readWarmup, probes, probeEveryMs, loadPerSecond, seed: history.seed };
}

export interface PlatformPhaseOptions {
  historyDir: string;
  /** The rebuilt read model, `<dir>/read-models.sqlite`, both projections at the head of the history. */
  readStoreFile: string;
  workDir: string;
  customers: number;
  reads: number;
  readWarmup: number;
  probes: number;
  probeEveryMs: number;
  loadPerSecond: number;
  seed: number;
  /** More of the platform's environment, e.g. PROJECTIONS. */
  platformEnv?: Record<string, string>;
}

/**
 * The built platform on a copy of the history (it takes the writer's lock and appends) and on the rebuilt
 * read model, which it resumes from its checkpoints: the 360° read latency with nothing else going on, then
 * the freshness under background load.
 */
export async function runPlatformPhase(options: PlatformPhaseOptions): Promise<PlatformPhase> {
  if (basename(options.readStoreFile) !== 'read-models.sqlite') throw new Error(`the platform reads <dir>/read-models.sqlite, not ${options.readStoreFile}`);
  const eventStoreDir = join(options.workDir, 'platform-events');
  const keysDir = join(options.workDir, 'platform-keys');
  mkdirSync(keysDir, { recursive: true });
  const copyStarted = performance.now();
  cpSync(options.historyDir, eventStoreDir, { recursive: true, filter: (source) => !/writer\.(lock|pid)$/.test(source) });
  const copySeconds = (performance.now() - copyStarted) / 1000;

  const platform = await startPlatform({
    PORT: '0',
    HOST: '127.0.0.1',
    EVENT_STORE_DATA_DIR: eventStoreDir,
    READ_STORE_DATA_DIR: dirname(options.readStoreFile),
    PERSONAL_DATA_DIR: keysDir,
    ...options.platformEnv,
  }, ['--trace-gc']);
  const memory = watchMemory(platform.pid);
  const readStore = openEmbeddedReadStore({ file: options.readStoreFile });
  try {
    const settleStarted = performance.now();
    await untilSettled(platform.url);
    const settleSeconds = (performance.now() - settleStarted) / 1000;

    const random = new SeededRandom(options.seed);
    // The last customers are the probes' (one each), the others the background load's and the reads'.
    const probes = Math.min(options.probes, Math.floor(options.customers / 2));
    const others = options.customers - probes;
    const randomId = () => customerIdOf(Math.floor(random.next() * others), options.customers);
    const collection = await readStore.collection(platformProjections().customer360.collection);
    const reads = await timeReads({ baseUrl: platform.url, collection, randomId, warmup: options.readWarmup, reads: options.reads });
    const freshness = await measureFreshness({
      baseUrl: platform.url,
      probeIds: Array.from({ length: probes }, (_, k) => customerIdOf(others + k, options.customers)),
      loadId: randomId,
      probeEveryMs: options.probeEveryMs,
      loadPerSecond: options.loadPerSecond,
    });
    const peak = memory.stop();
    const exit = await platform.stop();
    return {
      copySeconds,
      startupSeconds: platform.startupMs / 1000,
      settleSeconds,
      reads,
      freshness,
      memory: peak,
      heapAfterGcMB: platform.majorGcs.map((gc) => gc.usedAfter),
      outOfHeap: platform.warnings.some((line) => /heap out of memory/i.test(line)),
      exit,
      warnings: platform.warnings,
    };
  } catch (error) {
    const exit = await platform.stop();
    const said = platform.warnings.slice(-5).map((line) => line.trim().slice(0, 400));
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the platform ended with ${exit.code ?? exit.signal}${said.length ? `, its last warnings: ${said.join(' | ')}` : ''}`, { cause: error });
  } finally {
    await readStore.close();
  }
}

interface ProjectionsBody {
  projections: { name: string; state: string; lag: { events: number } | null }[];
}

async function untilSettled(baseUrl: string): Promise<void> {
  const deadline = performance.now() + 600_000;
  for (;;) {
    const body = (await (await fetch(`${baseUrl}/v1/projections`)).json()) as ProjectionsBody;
    if (body.projections.every((p) => p.state === 'running' && p.lag?.events === 0)) return;
    if (performance.now() > deadline) throw new Error(`the platform's projections did not settle: ${JSON.stringify(body)}`);
    await sleep(200);
  }
}
