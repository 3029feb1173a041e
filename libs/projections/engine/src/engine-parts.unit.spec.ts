import { compileFilter } from '@cdp/event-store';
import { backoffDelay } from './backoff';
import { DocumentCache } from './document-cache';
import { eventTypeFilter } from './event-type-filter';

describe('the event type filter', () => {
  it('admits exactly the listed types, with regex characters taken literally', () => {
    const wanted = compileFilter(eventTypeFilter(['OrderPlaced', 'Odd.Type+1']));
    const admits = (type: string) => wanted({ type, streamId: 's' });
    expect(['OrderPlaced', 'Odd.Type+1'].map(admits)).toEqual([true, true]);
    expect(['OrderPlacedV0', 'XOrderPlaced', 'OddxType+1', 'Odd.Typee1', ''].map(admits)).toEqual([false, false, false, false, false]);
  });

  it('refuses a projection without event types', () => {
    expect(() => eventTypeFilter([])).toThrow('at least one event type');
  });
});

describe('the retry backoff', () => {
  it('doubles from the initial delay up to the cap, within ±20 % jitter', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 50].map((attempt) => backoffDelay(attempt, options, () => 0.5))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(1, options, () => 0)).toBe(80);
    expect(backoffDelay(1, options, () => 1)).toBe(120);
  });
});

describe('the document cache', () => {
  it('evicts the least recently used document first', () => {
    const cache = new DocumentCache(2);
    const state = (n: number) => ({ position: String(n), body: { n } });
    cache.set('a', state(1));
    cache.set('b', state(2));
    cache.get('a');
    cache.set('c', state(3));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([state(1), undefined, state(3)]);
    expect(cache.size).toBe(2);
  });

  it('holds nothing with a capacity of 0', () => {
    const cache = new DocumentCache(0);
    cache.set('a', { position: '1', body: {} });
    expect(cache.get('a')).toBeUndefined();
  });
});
