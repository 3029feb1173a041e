export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const defaultResubscribeBackoff: BackoffPolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };

/**
 * Exponential backoff with "equal jitter": attempt 1 waits about `initialDelayMs`, each attempt
 * doubles it up to `maxDelayMs`, and the wait is drawn from the upper half of that ceiling so that
 * many subscribers dropped by one server restart do not come back in the same millisecond.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
