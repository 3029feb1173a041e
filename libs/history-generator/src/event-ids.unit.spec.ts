import { eventIdOf } from './event-ids';
import { seedWords } from './seeded-random';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('are version-4-shaped UUIDs, all different within a history', () => {
    const key = seedWords('ids');
    const ids = Array.from({ length: 200_000 }, (_, index) => eventIdOf(key, index));
    expect(ids.filter((id) => !uuidV4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('depend on the seed and the index only', () => {
    expect(eventIdOf(seedWords('a'), 7)).toBe(eventIdOf(seedWords('a'), 7));
    expect(eventIdOf(seedWords('a'), 7)).not.toBe(eventIdOf(seedWords('b'), 7));
    expect(eventIdOf(seedWords('a'), 2 ** 32 - 1)).toMatch(uuidV4);
  });
});
