import { customerIdOf } from '@cdp/history-generator';
import { SeededRandom } from '../event-store/seeded-random';
import { RunningPlatform } from '../ingestion/platform-process';
import { readProcessMemory } from '../ingestion/process-memory';
import { watchMemory } from '../projection/memory-watch';
import { Percentiles, percentiles } from '../projection/percentiles';

export interface AudienceRun {
  /** POST to response, at the client. */
  seconds: number;
  /** As the platform measured it (durationMs of the summary). */
  serverSeconds: number;
  members: number;
  audience: number;
  excluded: number;
  byRule: Record<string, number>;
  /** The platform's resident memory just before, and its peak during, the computation (MiB). */
  rssBeforeMiB: number;
  rssPeakMiB: number;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function post(url: string, body: unknown, what: string): Promise<unknown> {
  return json(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), what);
}

/** Waits until the segment's evaluation over every customer is done; returns how long it took. */
export async function waitForSegment(platform: RunningPlatform, segmentId: string, log: (line: string) => void): Promise<{ seconds: number; size: number }> {
  const started = performance.now();
  let lastLog = started;
  for (;;) {
    const segment = await json<{ status: string; size: number; evaluation: { evaluated: number; total: number | null } }>(await fetch(`${platform.url}/v1/segments/${segmentId}`), 'segment');
    if (segment.status === 'active') return { seconds: (performance.now() - started) / 1000, size: segment.size };
    if (performance.now() - lastLog > 30_000) {
      log(`  ${segmentId}: ${segment.status}, ${segment.evaluation.evaluated.toLocaleString('en-US')} of ${(segment.evaluation.total ?? 0).toLocaleString('en-US')} evaluated`);
      lastLog = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** POST /v1/campaigns/{id}/audience, `runs` times, the platform's memory sampled during each. */
export async function computeAudiences(platform: RunningPlatform, campaignId: string, asOf: Date, runs: number): Promise<AudienceRun[]> {
  const results: AudienceRun[] = [];
  for (let run = 0; run < runs; run++) {
    const watch = watchMemory(platform.pid);
    const rssBeforeMiB = readProcessMemory(platform.pid)?.rssMiB ?? NaN;
    const started = performance.now();
    const summary = (await post(`${platform.url}/v1/campaigns/${campaignId}/audience`, { asOf: asOf.toISOString() }, 'audience')) as {
      durationMs: number;
      counts: { members: number; audience: number; excluded: number; byRule: Record<string, number> };
    };
    const seconds = (performance.now() - started) / 1000;
    const memory = watch.stop();
    results.push({ seconds, serverSeconds: summary.durationMs / 1000, ...summary.counts, rssBeforeMiB, rssPeakMiB: memory.peakRssMiB });
  }
  return results;
}

/** GET /v1/campaigns/{id}/eligibility/{customerId} for seeded random customers, one at a time; the first tenth warms up. */
export async function eligibilityLatencies(platform: RunningPlatform, campaignId: string, customers: number, checks: number, seed: number, asOf: Date): Promise<Percentiles & { blocked: number }> {
  const random = new SeededRandom(seed);
  const warmup = Math.ceil(checks / 10);
  const latencies: number[] = [];
  let blocked = 0;
  for (let index = 0; index < warmup + checks; index++) {
    const customerId = customerIdOf(random.int(0, customers - 1), customers);
    const started = performance.now();
    const answer = await json<{ eligible: boolean }>(await fetch(`${platform.url}/v1/campaigns/${campaignId}/eligibility/${customerId}?asOf=${asOf.toISOString()}`), 'eligibility');
    const elapsed = performance.now() - started;
    if (index < warmup) continue;
    latencies.push(elapsed);
    if (!answer.eligible) blocked++;
  }
  return { ...percentiles(latencies), blocked };
}
