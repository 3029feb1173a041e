// Math's functions are read once: under jest (a vm context) every lookup of a global is slow.
const { imul, floor } = Math;

/**
 * The generator's randomness: one seeded stream (sfc32) for the order of events, and stateless hashes
 * (murmur3's finaliser) for what is fixed about a customer or an id. Both give the same numbers on
 * every machine, and are a few nanoseconds each: the generator draws some thirty numbers per event.
 */

/** Four 32-bit words from any seed (cyrb128): '42' and 42 give the same history. */
export function seedWords(seed: number | string): [number, number, number, number] {
  const text = String(seed);
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ imul(h1 ^ k, 597399067);
    h2 = h3 ^ imul(h2 ^ k, 2869860233);
    h3 = h4 ^ imul(h3 ^ k, 951274213);
    h4 = h1 ^ imul(h4 ^ k, 2716044179);
  }
  h1 = imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** murmur3's 32-bit finaliser: a bijection of the 32-bit integers that scatters every input bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A fixed 32-bit value of (key, index, salt): what a customer's name or country is, without storing it. */
export function hashOf(key: number, index: number, salt: number): number {
  return mix32(mix32((index + imul(salt, 0x9e3779b9)) >>> 0) ^ key);
}

/** The same, in [0, 1). */
export function unitHashOf(key: number, index: number, salt: number): number {
  return hashOf(key, index, salt) / 4294967296;
}

/** sfc32: passes PractRand to 2^40 bytes, 128 bits of state, and fast in 32-bit arithmetic. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    // The first outputs of sfc32 still echo the seed: discard them.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** In (0, 1]: safe under a logarithm or a root. */
  nextPositive(): number {
    return (this.uint32() + 1) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)];
  }
}

/** Draws indexes in proportion to fixed weights: a cumulative table searched by bisection. */
export class WeightedTable {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new Error('a weighted table needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, i) => {
      if (!(weight >= 0)) throw new Error(`weight ${i} is ${weight}: weights are ≥ 0`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new Error('the weights add up to nothing');
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** The index whose share of the total contains `unit` × total, for `unit` in [0, 1). */
  indexAt(unit: number): number {
    const cumulative = this.cumulative;
    const target = unit * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  draw(random: SeededRandom): number {
    return this.indexAt(random.next());
  }
}
