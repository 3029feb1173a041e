import { generateHistory } from '@cdp/history-generator';
import { readHistoryConfig } from './history-config';

/**
 * How fast the history generator runs alone (no store): events per second and memory.
 * `node --conditions=@cdp/source -r ./bench/register.js bench/projection/generator-speed.ts`
 * (BENCH_EVENTS and BENCH_CUSTOMERS as for load-history.ts).
 */
function main(): void {
  const { events, customers, seed, from, to } = readHistoryConfig();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let count = 0;
  let lines = 0;
  let peakRss = 0;
  let nextReport = started + 5_000;
  for (const { event } of generateHistory({ seed, customers, events, from, to })) {
    // Touch the data, so nothing is optimised away.
    if (event.type === 'OrderPlaced') lines += (event.data.lines as unknown[]).length;
    if (++count % 100_000 === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      const now = performance.now();
      if (now >= nextReport) {
        nextReport = now + 5_000;
        process.stderr.write(`  ${count.toLocaleString('en-US')} / ${events.toLocaleString('en-US')} events, ${rate(count, now - started)} events/s\n`);
      }
    }
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  process.stdout.write(
    `generated ${count.toLocaleString('en-US')} events over ${customers.toLocaleString('en-US')} parties (seed ${seed}) in ${(ms / 1000).toFixed(1)} s: ` +
      `${rate(count, ms)} events/s (${rate(count, cpuMs)} per CPU second: other work on the machine slows the first), ` +
      `${lines.toLocaleString('en-US')} order lines, peak RSS ${Math.round(peakRss / 2 ** 20)} MiB\n`,
  );
}

function rate(count: number, ms: number): string {
  return Math.round(count / (ms / 1000)).toLocaleString('en-US');
}

main();
