import { mix32 } from './seeded-random';

const hexByte: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(word: number): string {
  return hexByte[word >>> 24] + hexByte[(word >>> 16) & 255] + hexByte[(word >>> 8) & 255] + hexByte[word & 255];
}

function hex4(word: number): string {
  return hexByte[(word >>> 8) & 255] + hexByte[word & 255];
}

/** The most events one history may hold: the first word of an id is a bijection of the event's index. */
export const maxHistoryEvents = 2 ** 32;

/**
 * The id of the `index`-th event of the history whose seed gave `key`: a version-4-shaped UUID (the event
 * stores keep ids as UUIDs). The first 32 bits are a bijection of the index, so no two events of one
 * history share an id; the other bits look random, as producers' ids do, so the stores' indexes see the
 * same scattered inserts as in production.
 */
export function eventIdOf(key: readonly [number, number, number, number], index: number): string {
  const w0 = mix32((index ^ key[0]) >>> 0);
  const w1 = mix32((w0 + key[1]) >>> 0);
  const w2 = mix32((w1 ^ key[2]) >>> 0);
  const w3 = mix32((w2 + key[3]) >>> 0);
  const variant = 8 | (w2 >>> 30);
  return `${hex8(w0)}-${hex4(w1 >>> 16)}-4${hex4(w1).slice(1)}-${variant.toString(16)}${hex4(w2 >>> 16).slice(1)}-${hex4(w2)}${hex8(w3)}`;
}
