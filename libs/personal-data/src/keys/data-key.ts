/** The AES-256 key that encrypts the personal fields of one subject (a customer), at one generation. */
export interface DataKey {
  subjectId: string;
  /** 1 for the first key; each erasure makes the next key one generation higher. */
  generation: number;
  /** 32 bytes. Never logged, never stored unwrapped. */
  key: Buffer;
}

/**
 * Where data keys live, wrapped under the master key. Erasing a subject's keys makes every field
 * encrypted under them unreadable for good: that is the erasure (crypto-shredding).
 */
export interface DataKeyStore {
  /** The subject's current key, created on first use; after an erasure, a new key one generation higher. */
  currentKey(subjectId: string): Promise<DataKey>;
  /** The key of one generation; `erased` when it was erased, undefined when it never existed. */
  findKey(subjectId: string, generation: number): Promise<DataKey | 'erased' | undefined>;
  /** Forgets every generation of the subject's keys; a tombstone keeps the fact and the last generation. */
  eraseKeys(subjectId: string): Promise<void>;
  close(): Promise<void>;
}

export const dataKeyLength = 32;
