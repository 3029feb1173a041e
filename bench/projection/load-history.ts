import { readHistoryConfig } from './history-config';
import { ensureHistoryStore, LoadProgress } from './history-store';

/**
 * Loads the generated history into an embedded event store for the projection benchmarks, or finds it
 * loaded already (same parameters, same generator output, same head: see history-store.ts).
 *
 *   node --conditions=@cdp/source -r ./bench/register.js bench/projection/load-history.ts
 *
 * BENCH_EVENTS (10,000,000), BENCH_CUSTOMERS (events / 10), BENCH_SEED, BENCH_HISTORY_DIR
 * (.bench/history-…), BENCH_IN_FLIGHT (appends per group commit, 20,000). Progress on stderr, the outcome on stdout.
 */
async function main(): Promise<void> {
  const config = readHistoryConfig();
  process.stderr.write(
    `history: ${config.events.toLocaleString('en-US')} events over ${config.customers.toLocaleString('en-US')} parties, seed ${config.seed}, in ${config.dataDir}\n`,
  );
  const marker = await ensureHistoryStore(config, reportProgress);
  const summary = marker.reused
    ? `reused the history loaded on ${marker.loadedAt}`
    : `loaded in ${marker.loadSeconds} s: ${marker.eventsPerSecond.toLocaleString('en-US')} events/s, ${marker.appends.toLocaleString('en-US')} appends, peak RSS ${marker.peakRssMiB} MiB`;
  process.stdout.write(`${summary}; head position ${marker.headPosition}; ${config.dataDir}\n`);
}

function reportProgress({ events, total, elapsedMs, rssMiB }: LoadProgress): void {
  const rate = events / (elapsedMs / 1000);
  const eta = rate > 0 ? (total - events) / rate : 0;
  process.stderr.write(
    `  ${events.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} events (${((100 * events) / total).toFixed(1)}%), ` +
      `${Math.round(rate).toLocaleString('en-US')} events/s, ETA ${duration(eta)}, RSS ${Math.round(rssMiB)} MiB\n`,
  );
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
