import { customerStream, NewEvent } from '@cdp/event-model';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { generateHistory, HistoryOptions } from '@cdp/history-generator';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryConfig } from './history-config';

/** What the marker file says of a loaded store: the history's parameters, its head, and how the load went. */
export interface HistoryMarker {
  generator: '@cdp/history-generator';
  events: number;
  customers: number;
  seed: number;
  from: string;
  to: string;
  /** A hash of the first events the generator makes for these parameters: a changed generator loads again. */
  fingerprint: string;
  headPosition: string;
  appends: number;
  loadSeconds: number;
  eventsPerSecond: number;
  peakRssMiB: number;
  loadedAt: string;
}

export interface LoadProgress {
  events: number;
  total: number;
  elapsedMs: number;
  rssMiB: number;
}

const markerFile = 'history.json';
/** Everything the embedded store and this loader write in a data folder; nothing else is ever deleted. */
const storeFiles = new Set(['events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm', 'writer.lock', 'writer.pid', markerFile, `${markerFile}.tmp`]);
const fingerprintEvents = 1_000;

export function historyOptions(config: HistoryConfig): HistoryOptions {
  return { seed: config.seed, customers: config.customers, events: config.events, from: config.from, to: config.to };
}

/**
 * An embedded event store holding the configured history: the one already in `dataDir` when its marker
 * names the same parameters, the same generator output and the store's actual head; else loaded afresh
 * (the old store files removed first). The marker is written last, so an interrupted load is redone.
 */
export async function ensureHistoryStore(
  config: HistoryConfig,
  onProgress: (progress: LoadProgress) => void = () => undefined,
): Promise<HistoryMarker & { reused: boolean }> {
  const expected = expectedMarker(config);
  const found = readMarker(config.dataDir);
  if (found && sameHistory(found, expected) && (await headOf(config.dataDir)) === found.headPosition) return { ...found, reused: true };
  clearStore(config.dataDir);
  const marker = { ...expected, ...(await loadHistory(config, onProgress)) };
  const file = join(config.dataDir, markerFile);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(marker, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return { ...marker, reused: false };
}

type ExpectedMarker = Pick<HistoryMarker, 'generator' | 'events' | 'customers' | 'seed' | 'from' | 'to' | 'fingerprint'>;

function expectedMarker(config: HistoryConfig): ExpectedMarker {
  const hash = createHash('sha256');
  let count = 0;
  for (const generated of generateHistory(historyOptions(config))) {
    hash.update(JSON.stringify(generated));
    if (++count === fingerprintEvents) break;
  }
  return {
    generator: '@cdp/history-generator',
    events: config.events,
    customers: config.customers,
    seed: config.seed,
    from: config.from.toISOString(),
    to: config.to.toISOString(),
    fingerprint: hash.digest('hex'),
  };
}

function sameHistory(found: HistoryMarker, expected: ExpectedMarker): boolean {
  return (Object.keys(expected) as (keyof ExpectedMarker)[]).every((key) => found[key] === expected[key]);
}

function readMarker(dataDir: string): HistoryMarker | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, markerFile), 'utf8')) as HistoryMarker;
  } catch {
    return undefined;
  }
}

async function headOf(dataDir: string): Promise<string | null> {
  if (!existsSync(join(dataDir, 'events.sqlite'))) return null;
  const store = openEmbeddedEventStore({ dataDir, readOnly: true });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** Removes the store files of an earlier load, and refuses a folder that holds anything else. */
function clearStore(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const others = readdirSync(dataDir).filter((name) => !storeFiles.has(name));
  if (others.length > 0) {
    throw new Error(`${dataDir} holds files that are no event store's (${others.slice(0, 5).join(', ')}): point BENCH_HISTORY_DIR at an empty or a history folder`);
  }
  for (const name of storeFiles) rmSync(join(dataDir, name), { force: true });
}

/**
 * Appends the history in its generated order. Adjacent events of one party go in one append; up to
 * `appendsInFlight` appends are handed to the store before awaiting them, and the store commits them
 * as one transaction (group commit). `any` as expected revision: the store is fresh and we are its only writer.
 */
async function loadHistory(
  config: HistoryConfig,
  onProgress: (progress: LoadProgress) => void,
): Promise<Pick<HistoryMarker, 'headPosition' | 'appends' | 'loadSeconds' | 'eventsPerSecond' | 'peakRssMiB' | 'loadedAt'>> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = openEmbeddedEventStore({ dataDir: config.dataDir, durability: 'normal' });
  const started = performance.now();
  let peakRss = 0;
  let appended = 0;
  let appends = 0;
  let nextReport = started + 2_000;
  try {
    let pending: Promise<unknown>[] = [];
    let customerId = '';
    let batch: NewEvent[] = [];
    const flushBatch = () => {
      pending.push(store.appendToStream(customerStream(customerId), batch, { expectedRevision: 'any' }));
      appended += batch.length;
      appends++;
      batch = [];
    };
    for (const generated of generateHistory(historyOptions(config))) {
      if (generated.customerId !== customerId && batch.length > 0) flushBatch();
      customerId = generated.customerId;
      batch.push(generated.event);
      if (pending.length >= config.appendsInFlight) {
        await Promise.all(pending);
        pending = [];
        const now = performance.now();
        if (now >= nextReport) {
          nextReport = now + 2_000;
          peakRss = Math.max(peakRss, process.memoryUsage.rss());
          onProgress({ events: appended, total: config.events, elapsedMs: now - started, rssMiB: peakRss / 2 ** 20 });
        }
      }
    }
    if (batch.length > 0) flushBatch();
    await Promise.all(pending);
    const headPosition = await store.headPosition();
    if (headPosition === null) throw new Error('the history store is empty after the load');
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    onProgress({ events: appended, total: config.events, elapsedMs: seconds * 1000, rssMiB: peakRss / 2 ** 20 });
    return {
      headPosition,
      appends,
      loadSeconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round(appended / seconds),
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      loadedAt: new Date().toISOString(),
    };
  } finally {
    await store.close();
  }
}
