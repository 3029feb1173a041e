export interface BackoffOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Capped exponential delay before retry number `attempt` (1, 2, …), with ±20 % jitter so that
 * projections failing on the same outage do not all hit the store again at the same instant.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = options.initialDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped * (0.8 + 0.4 * random()));
}
