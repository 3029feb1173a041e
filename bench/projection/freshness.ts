import { setTimeout as sleep } from 'node:timers/promises';
import { getCustomerView, interaction, postEvents } from './customer-api';
import { Percentiles, percentiles } from './percentiles';

export interface BackgroundLoad {
  /** Events sent and recorded while the probes ran, and over how long. */
  sent: number;
  recorded: number;
  seconds: number;
  /** Requests answered otherwise than 200, or not at all. */
  failedRequests: number;
}

export interface FreshnessRun {
  /** From the probe's POST sent to the first GET that shows it. */
  fromPost: Percentiles;
  /** From the POST's answer (the event is in the store) to the first GET that shows it. */
  fromAck: Percentiles;
  /** Probes still invisible after 5 s: they count as 5 s in the percentiles, a lower bound. */
  timedOut: number;
  /** Mean time between two GETs of one probe's polling. */
  pollMs: number;
  load: BackgroundLoad;
  /** Why the probes stopped before the last one (the platform went away, a request was refused). */
  failure?: string;
}

export interface FreshnessOptions {
  baseUrl: string;
  /** One customer per probe, none of them touched by the background load. */
  probeIds: readonly string[];
  /** A random customer of the background load at each call. */
  loadId: () => string;
  probeEveryMs: number;
  loadPerSecond: number;
}

const loadTickMs = 10;
const maxLoadRequestsInFlight = 8;
const warmupMs = 3_000;
export const probeTimeoutMs = 5_000;
/** The probes stop after this long whatever their number: a platform far behind would make each one wait 5 s. */
export const probingLimitMs = 180_000;
const pollPauseMs = 2;

/**
 * Background load at `loadPerSecond` through POST /v1/events (a batch every 10 ms, of the events due by then),
 * and meanwhile a probe every `probeEveryMs`: one InteractionRecorded for a customer of its own, then
 * GET /v1/customers/{id} every 2 ms or so until its interactionCount has grown.
 */
export async function measureFreshness({ baseUrl, probeIds, loadId, probeEveryMs, loadPerSecond }: FreshnessOptions): Promise<FreshnessRun> {
  const load = startLoad(baseUrl, loadId, loadPerSecond);
  await sleep(warmupMs);
  const window = load.mark();
  const fromPost: number[] = [];
  const fromAck: number[] = [];
  let timedOut = 0;
  let polls = 0;
  let pollingMs = 0;
  let failure: string | undefined;
  const started = performance.now();
  try {
    for (let i = 0; i < probeIds.length; i++) {
      if (performance.now() - started > probingLimitMs) throw new Error(`the time limit of ${probingLimitMs / 1000} s`);
      const id = probeIds[i];
      const before = await getCustomerView(baseUrl, id);
      if (before.interactionCount === undefined) throw new Error(`probe customer ${id}: GET answered ${before.status}`);
      const due = started + i * probeEveryMs - performance.now();
      if (due > 0) await sleep(due);
      const sentAt = performance.now();
      const ack = await postEvents(baseUrl, interaction(id, new Date()));
      const ackAt = performance.now();
      if (ack.status !== 201) throw new Error(`probe event for ${id}: POST answered ${ack.status}`);
      let seenAt: number | undefined;
      while (performance.now() - sentAt < probeTimeoutMs) {
        const view = await getCustomerView(baseUrl, id);
        polls++;
        if ((view.interactionCount ?? -1) > before.interactionCount) {
          seenAt = performance.now();
          break;
        }
        await sleep(pollPauseMs);
      }
      pollingMs += (seenAt ?? performance.now()) - ackAt;
      if (seenAt === undefined) timedOut++;
      fromPost.push((seenAt ?? sentAt + probeTimeoutMs) - sentAt);
      fromAck.push((seenAt ?? sentAt + probeTimeoutMs) - ackAt);
    }
  } catch (error) {
    // The probes done so far still count; the report says why the others are missing.
    failure = `after ${fromPost.length} probes: ${describe(error)}`;
  } finally {
    await load.stop();
  }
  const pollMs = polls > 0 ? pollingMs / polls : 0;
  return { fromPost: percentiles(fromPost), fromAck: percentiles(fromAck), timedOut, pollMs, load: window(), ...(failure && { failure }) };
}

function startLoad(baseUrl: string, loadId: () => string, perSecond: number) {
  const counts = { sent: 0, recorded: 0, failedRequests: 0 };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const timer = setInterval(() => {
    // The events due by now: a slow answer makes the next batch larger, so the offered rate holds while the
    // requests in flight stay few (an open loop would pile requests up in the platform until its heap ran out).
    const due = Math.min(1_000, Math.floor(((performance.now() - started) / 1000) * perSecond) - counts.sent);
    if (due <= 0 || inFlight.size >= maxLoadRequestsInFlight) return;
    const occurredAt = new Date();
    const batch = Array.from({ length: due }, () => interaction(loadId(), occurredAt));
    counts.sent += due;
    const request = postEvents(baseUrl, batch)
      .then((answer) => {
        counts.recorded += answer.recorded;
        if (answer.status !== 200) counts.failedRequests++;
      })
      .catch(() => void counts.failedRequests++)
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, loadTickMs);
  return {
    /** Starts a window; calling the function returned ends it and tells the load within it. */
    mark: () => {
      const from = { ...counts, at: performance.now() };
      return (): BackgroundLoad => ({
        sent: counts.sent - from.sent,
        recorded: counts.recorded - from.recorded,
        failedRequests: counts.failedRequests - from.failedRequests,
        seconds: (performance.now() - from.at) / 1000,
      });
    },
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inFlight);
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
