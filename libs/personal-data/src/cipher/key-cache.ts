import { createSecretKey, KeyObject } from 'node:crypto';
import { DataKey } from '../keys/data-key';
import { generationPrefix } from './sealed-value';

/** A data key ready for the cipher: imported once, its stored-form prefix built once. */
export interface ReadyKey {
  generation: number;
  key: KeyObject;
  prefix: string;
}

export type CachedKey = ReadyKey | 'erased' | undefined;

export function readyKey(dataKey: DataKey): ReadyKey {
  return { generation: dataKey.generation, key: createSecretKey(dataKey.key), prefix: generationPrefix(dataKey.generation) };
}

interface SubjectEntry {
  expiresAt: number;
  current?: ReadyKey;
  generations: Map<number, CachedKey>;
}

/**
 * What the cipher knows of each subject's keys, for `ttlMs` from the first look-up: an erasure made
 * elsewhere is seen once the entry expires. Bounded: the least recently used subject goes first.
 */
export class KeyCache {
  private readonly subjects = new Map<string, SubjectEntry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSubjects: number,
    private readonly now: () => number,
  ) {}

  current(subjectId: string): ReadyKey | undefined {
    return this.entry(subjectId)?.current;
  }

  /** `false` when this generation was never looked up (or the entry expired). */
  generation(subjectId: string, generation: number): CachedKey | false {
    const generations = this.entry(subjectId)?.generations;
    return generations?.has(generation) ? generations.get(generation) : false;
  }

  setCurrent(subjectId: string, key: ReadyKey): void {
    const entry = this.entryForWrite(subjectId);
    entry.current = key;
    entry.generations.set(key.generation, key);
  }

  setGeneration(subjectId: string, generation: number, key: CachedKey): void {
    this.entryForWrite(subjectId).generations.set(generation, key);
  }

  forget(subjectId: string): void {
    this.subjects.delete(subjectId);
  }

  clear(): void {
    this.subjects.clear();
  }

  private entry(subjectId: string): SubjectEntry | undefined {
    const entry = this.subjects.get(subjectId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.subjects.delete(subjectId);
      return undefined;
    }
    // Re-inserting keeps the Map in least-recently-used order (a Map iterates in insertion order).
    this.subjects.delete(subjectId);
    this.subjects.set(subjectId, entry);
    return entry;
  }

  private entryForWrite(subjectId: string): SubjectEntry {
    const existing = this.entry(subjectId);
    if (existing) return existing;
    const entry: SubjectEntry = { expiresAt: this.now() + this.ttlMs, generations: new Map() };
    this.subjects.set(subjectId, entry);
    if (this.subjects.size > this.maxSubjects) this.subjects.delete(this.subjects.keys().next().value as string);
    return entry;
  }
}
