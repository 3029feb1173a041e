import { erasedMarker, Json, JsonObject, NewEvent, RecordedEvent } from '@cdp/event-model';
import { PersonalDataIntegrityError } from '../errors';
import { DataKeyStore } from '../keys/data-key';
import { CachedKey, KeyCache, readyKey, ReadyKey } from './key-cache';
import { mapLeaves, PathTree, PathTrees, PersonalDataPaths, PersonalLeaf, someLeaf } from './personal-paths';
import { open, parseSealed, seal } from './sealed-value';

export interface PersonalDataCipherOptions {
  keyStore: DataKeyStore;
  /** The personal leaf fields of a type at a version: `eventCatalogue.personalDataPaths`. */
  personalDataPaths: PersonalDataPaths;
  /** How long a key (or its absence) is trusted without asking the store: an erasure elsewhere shows within it. */
  cacheTtlMs?: number;
  /** Subjects whose keys are kept in memory; the least recently used go first. */
  maxCachedKeys?: number;
  /** The clock of the cache (tests). */
  now?: () => number;
}

const present = () => true;

/**
 * Encrypts the personal fields of events with their subject's data key, and decrypts them, each field
 * on its own (`pii:v1:<generation>:<base64url(iv|ciphertext|tag)>`, AAD `<subject>|<type>|<path>`).
 * Events without personal fields never touch the key store and come back as the same object.
 */
export class PersonalDataCipher {
  private readonly keyStore: DataKeyStore;
  private readonly trees: PathTrees;
  private readonly cache: KeyCache;
  private readonly loadingCurrent = new Map<string, Promise<ReadyKey>>();
  private readonly loadingGeneration = new Map<string, Promise<CachedKey>>();

  constructor(options: PersonalDataCipherOptions) {
    this.keyStore = options.keyStore;
    this.trees = new PathTrees(options.personalDataPaths);
    this.cache = new KeyCache(options.cacheTtlMs ?? 60_000, options.maxCachedKeys ?? 10_000, options.now ?? Date.now);
  }

  async encryptEvent(subjectId: string, event: NewEvent): Promise<NewEvent> {
    const tree = this.personalTree(event);
    if (!tree) return event;
    return this.seal(subjectId, event, tree, this.cache.current(subjectId) ?? (await this.loadCurrent(subjectId)));
  }

  /** A batch of one subject's events with one key look-up; the same array when none has personal fields. */
  async encryptEvents(subjectId: string, events: readonly NewEvent[]): Promise<readonly NewEvent[]> {
    if (!events.some((event) => this.personalTree(event))) return events;
    const key = this.cache.current(subjectId) ?? (await this.loadCurrent(subjectId));
    return events.map((event) => {
      const tree = this.personalTree(event);
      return tree ? this.seal(subjectId, event, tree, key) : event;
    });
  }

  /**
   * The event with its personal fields in clear; `{ erased: true }` in place of each field whose key was
   * erased. A field in plaintext (written before encryption existed) is read as is.
   * @throws PersonalDataIntegrityError when a field does not authenticate (altered, or copied from elsewhere).
   */
  async decryptEvent<E extends RecordedEvent>(subjectId: string, event: E): Promise<E> {
    const tree = this.trees.of(event.type, event.schemaVersion);
    if (!tree) return event;
    // Keys looked up during this call: a cache eviction between two passes cannot make it loop.
    let pinned: Map<number, CachedKey> | undefined;
    for (;;) {
      let missing: number[] | undefined;
      const data = mapLeaves(event.data, tree, (value, leaf) => {
        const sealed = parseSealed(value);
        if (sealed === undefined) return value;
        if (sealed === 'malformed') throw new PersonalDataIntegrityError(subjectId, event.type, leaf.dotted, 'is not a valid pii:v1 value');
        const key = pinned?.has(sealed.generation) ? pinned.get(sealed.generation) : this.cache.generation(subjectId, sealed.generation);
        if (key === false) {
          (missing ??= []).push(sealed.generation);
          return value;
        }
        return this.openLeaf(subjectId, event.type, leaf, key, sealed.generation, sealed.payload);
      });
      if (!missing) return data === event.data ? event : { ...event, data };
      pinned ??= new Map();
      for (const generation of missing) pinned.set(generation, await this.loadGeneration(subjectId, generation));
    }
  }

  /** Drops what this process knows of the subject's keys, at once (after an erasure, say). */
  forget(subjectId: string): void {
    this.cache.forget(subjectId);
    this.loadingCurrent.delete(subjectId);
    for (const pending of this.loadingGeneration.keys()) {
      if (pending.startsWith(`${subjectId}\u0000`)) this.loadingGeneration.delete(pending);
    }
  }

  /** Erases every key of the subject: its personal fields read as erased from now on, here at once, elsewhere within the cache TTL. */
  async erase(subjectId: string): Promise<void> {
    await this.keyStore.eraseKeys(subjectId);
    this.forget(subjectId);
  }

  private personalTree(event: NewEvent): PathTree | undefined {
    const tree = this.trees.of(event.type, event.schemaVersion);
    return tree && someLeaf(event.data, tree, present) ? tree : undefined;
  }

  private seal(subjectId: string, event: NewEvent, tree: PathTree, key: ReadyKey): NewEvent {
    const data: JsonObject = mapLeaves(event.data, tree, (value, leaf) => seal(key.key, key.prefix, subjectId + leaf.aadSuffix, value));
    return { ...event, data };
  }

  private openLeaf(
    subjectId: string,
    type: string,
    leaf: PersonalLeaf,
    key: CachedKey,
    generation: number,
    payload: string,
  ): Json {
    // Shared and frozen: one marker for every erased field.
    if (key === 'erased') return erasedMarker as unknown as JsonObject;
    if (key === undefined) {
      throw new PersonalDataIntegrityError(subjectId, type, leaf.dotted, `names key generation ${generation}, which this subject never had`);
    }
    const value = open(key.key, subjectId + leaf.aadSuffix, payload);
    if (value === undefined) {
      throw new PersonalDataIntegrityError(subjectId, type, leaf.dotted, 'does not authenticate: it was altered or copied from elsewhere');
    }
    return value;
  }

  private loadCurrent(subjectId: string): Promise<ReadyKey> {
    const inFlight = this.loadingCurrent.get(subjectId);
    if (inFlight) return inFlight;
    const loading: Promise<ReadyKey> = this.keyStore.currentKey(subjectId).then(
      (dataKey) => {
        const ready = readyKey(dataKey);
        // A forget() during the look-up wins: what was asked before it must not come back.
        if (this.loadingCurrent.get(subjectId) === loading) {
          this.loadingCurrent.delete(subjectId);
          this.cache.setCurrent(subjectId, ready);
        }
        return ready;
      },
      (error: unknown) => {
        if (this.loadingCurrent.get(subjectId) === loading) this.loadingCurrent.delete(subjectId);
        throw error;
      },
    );
    this.loadingCurrent.set(subjectId, loading);
    return loading;
  }

  private loadGeneration(subjectId: string, generation: number): Promise<CachedKey> {
    const id = `${subjectId}\u0000${generation}`;
    const inFlight = this.loadingGeneration.get(id);
    if (inFlight) return inFlight;
    const loading: Promise<CachedKey> = this.keyStore.findKey(subjectId, generation).then(
      (found) => {
        const key = found === 'erased' || found === undefined ? found : readyKey(found);
        if (this.loadingGeneration.get(id) === loading) {
          this.loadingGeneration.delete(id);
          // A generation that does not exist is not remembered: it may be created by the next erasure.
          if (key !== undefined) this.cache.setGeneration(subjectId, generation, key);
        }
        return key;
      },
      (error: unknown) => {
        if (this.loadingGeneration.get(id) === loading) this.loadingGeneration.delete(id);
        throw error;
      },
    );
    this.loadingGeneration.set(id, loading);
    return loading;
  }
}
