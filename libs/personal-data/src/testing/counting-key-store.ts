import { DataKey, DataKeyStore } from '../keys/data-key';

/** A key store that counts the look-ups reaching it, to show what the cache saves. */
export class CountingKeyStore implements DataKeyStore {
  lookups = 0;

  constructor(private readonly inner: DataKeyStore) {}

  currentKey(subjectId: string): Promise<DataKey> {
    this.lookups++;
    return this.inner.currentKey(subjectId);
  }

  findKey(subjectId: string, generation: number): Promise<DataKey | 'erased' | undefined> {
    this.lookups++;
    return this.inner.findKey(subjectId, generation);
  }

  eraseKeys(subjectId: string): Promise<void> {
    return this.inner.eraseKeys(subjectId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
