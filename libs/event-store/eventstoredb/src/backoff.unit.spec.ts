import { backoffDelay, sleep } from './backoff';

const policy = { initialDelayMs: 100, maxDelayMs: 5_000 };

describe('resubscription backoff', () => {
  it('doubles from the initial delay up to the maximum', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => backoffDelay(attempt, policy, () => 1));
    expect(ceilings).toEqual([100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000]);
  });

  it('draws each wait from the upper half of its ceiling', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
    expect(backoffDelay(10, policy, () => 0)).toBe(2_500);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(sleep(60_000, controller.signal)).resolves.toBeUndefined();
  });
});
