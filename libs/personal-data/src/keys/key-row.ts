/** A subject's record in a key store: its live key, or, without `wrappedKey`, the tombstone of its last erasure. */
export interface KeyRow {
  /** The live key's generation; for a tombstone, the last erased one (0 when erased before any key existed). */
  generation: number;
  wrappedKey?: Uint8Array;
}

export type LiveKeyRow = KeyRow & { wrappedKey: Uint8Array };

export function hasLiveKey(row: KeyRow | undefined): row is LiveKeyRow {
  return row?.wrappedKey !== undefined;
}

/**
 * Which key a generation names. Generations only move on by erasure, so every generation below the
 * live one, and up to a tombstone's, was erased; a higher one never existed.
 */
export function keyOfGeneration(row: KeyRow | undefined, generation: number): LiveKeyRow | 'erased' | undefined {
  if (!row || !Number.isInteger(generation) || generation < 1 || generation > row.generation) return undefined;
  return hasLiveKey(row) && generation === row.generation ? row : 'erased';
}
