import { AudiencesWorker } from '@cdp/audiences';
import { customer360Projection } from '@cdp/customer-360';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { ProjectionWorker } from '@cdp/projection-engine';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryMarker } from '../projection/history-store';

/** What the marker of a built read store says: the history it was built from, and how the build went. */
export interface ReadModelsBuild {
  historyFingerprint: string;
  headPosition: string;
  seconds: number;
  eventsPerSecond: number;
  peakRssMiB: number;
  builtAt: string;
  reused: boolean;
}

const markerFile = 'read-models.json';

/**
 * The 360° view and the audiences read models of the history, in `<dir>/read-models.sqlite`: reused when its marker
 * names this history at this head, else built from the first event, by the workers the platform runs.
 */
export async function ensureReadModels(history: HistoryMarker, historyDir: string, dir: string, log: (line: string) => void): Promise<ReadModelsBuild> {
  const markerPath = join(dir, markerFile);
  if (existsSync(markerPath)) {
    const found = JSON.parse(readFileSync(markerPath, 'utf8')) as ReadModelsBuild;
    if (found.historyFingerprint === history.fingerprint && found.headPosition === history.headPosition) return { ...found, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const eventStore = openEmbeddedEventStore({ dataDir: historyDir, readOnly: true });
  const readStore = openEmbeddedReadStore({ file: join(dir, 'read-models.sqlite') });
  const customer360 = customer360Projection();
  const batches = { maxBatchEvents: 5_000, maxBatchAgeMs: 2_000, maxBatchDelayMs: 200 };
  const projections = new ProjectionWorker({ eventStore, readStore, projections: [customer360 as never], documentCacheSize: 20_000, ...batches });
  const audiences = new AudiencesWorker({ eventStore, readStore, customer360Collection: customer360.collection, ...batches });
  let peakRssMiB = 0;
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, process.memoryUsage.rss() / 2 ** 20)), 250);
  const reporter = setInterval(() => {
    void audiences.status().then((status) => log(`  audiences at ${status.position ?? 'start'} (${status.eventsApplied.toLocaleString('en-US')} events), ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB`));
  }, 30_000);
  try {
    await projections.start();
    audiences.start();
    await projections.waitUntilCaughtUp(history.headPosition, { timeoutMs: 24 * 3_600_000, pollMs: 1_000 });
    while (!(await audiences.isSettled(history.headPosition))) await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    clearInterval(sampler);
    clearInterval(reporter);
    await audiences.stop();
    await projections.stop();
    await readStore.close();
    await eventStore.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const build: ReadModelsBuild = {
    historyFingerprint: history.fingerprint,
    headPosition: history.headPosition,
    seconds: Math.round(seconds),
    eventsPerSecond: Math.round(history.events / seconds),
    peakRssMiB: Math.round(peakRssMiB),
    builtAt: new Date().toISOString(),
    reused: false,
  };
  writeFileSync(markerPath, `${JSON.stringify(build, null, 2)}\n`);
  return build;
}
