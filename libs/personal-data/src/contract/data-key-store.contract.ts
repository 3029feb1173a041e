import { randomBytes, randomUUID } from 'node:crypto';
import { DataKeyUnwrapError } from '../errors';
import { DataKey, DataKeyStore } from '../keys/data-key';

/** A key store under test. */
export interface DataKeyStoreContractSubject {
  name: string;
  /** Opens a store over the same storage at each call, as another process would. */
  open(masterKey: Buffer): Promise<DataKeyStore>;
}

const subject = () => `customer-${randomUUID()}`;

/**
 * The behaviour every data key store must have, written once. Call it from a spec file of the adapter.
 */
export function dataKeyStoreContract(subjectUnderTest: DataKeyStoreContractSubject): void {
  describe(`${subjectUnderTest.name} data key store contract`, () => {
    const masterKey = randomBytes(32);
    const opened: DataKeyStore[] = [];
    const open = async (key = masterKey) => {
      const store = await subjectUnderTest.open(key);
      opened.push(store);
      return store;
    };
    let store: DataKeyStore;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      for (const each of opened) await each.close();
    });

    it('creates a 32-byte key of generation 1 on first use, and gives the same key after', async () => {
      const customer = subject();
      const first = await store.currentKey(customer);
      expect(first).toMatchObject({ subjectId: customer, generation: 1 });
      expect(first.key).toHaveLength(32);
      expect(await store.currentKey(customer)).toEqual(first);
      expect(await store.findKey(customer, 1)).toEqual(first);
    });

    it('gives each subject its own key', async () => {
      const [a, b] = await Promise.all([store.currentKey(subject()), store.currentKey(subject())]);
      expect(a.key.equals(b.key)).toBe(false);
    });

    it('knows no key for a subject or a generation that never existed', async () => {
      const customer = subject();
      expect(await store.findKey(customer, 1)).toBeUndefined();
      await store.currentKey(customer);
      expect(await store.findKey(customer, 2)).toBeUndefined();
      expect(await store.findKey(customer, 0)).toBeUndefined();
    });

    it('keeps keys across a reopening, and another instance over the same storage sees them', async () => {
      const customer = subject();
      const key = await store.currentKey(customer);
      const other = await open();
      expect(await other.currentKey(customer)).toEqual(key);
      expect(await other.findKey(customer, 1)).toEqual(key);
    });

    it('ends with one key when several processes ask for the first key of a subject at once', async () => {
      const customer = subject();
      const stores = [store, await open(), await open()];
      const keys = await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % stores.length].currentKey(customer)));
      const distinct = new Set(keys.map((k: DataKey) => `${k.generation}:${k.key.toString('hex')}`));
      expect(distinct.size).toBe(1);
      expect(await store.currentKey(customer)).toEqual(keys[0]);
    });

    describe('erasure', () => {
      it('forgets the key: its generation reads as erased, and so does every earlier one', async () => {
        const customer = subject();
        await store.currentKey(customer);
        await store.eraseKeys(customer);
        expect(await store.findKey(customer, 1)).toBe('erased');
        expect(await (await open()).findKey(customer, 1)).toBe('erased');
      });

      it('starts a new generation on the next use, with a new key, while the erased one stays erased', async () => {
        const customer = subject();
        const first = await store.currentKey(customer);
        await store.eraseKeys(customer);
        const second = await store.currentKey(customer);
        expect(second.generation).toBe(2);
        expect(second.key.equals(first.key)).toBe(false);
        expect(await store.findKey(customer, 2)).toEqual(second);
        expect(await store.findKey(customer, 1)).toBe('erased');

        await store.eraseKeys(customer);
        expect(await store.findKey(customer, 2)).toBe('erased');
        expect(await store.findKey(customer, 1)).toBe('erased');
        expect((await store.currentKey(customer)).generation).toBe(3);
      });

      it('is idempotent, and an erasure of a subject without keys is remembered', async () => {
        const customer = subject();
        await store.eraseKeys(customer);
        await store.eraseKeys(customer);
        expect(await store.findKey(customer, 1)).toBeUndefined();
        expect((await store.currentKey(customer)).generation).toBe(1);

        await store.eraseKeys(customer);
        await store.eraseKeys(customer);
        expect(await store.findKey(customer, 1)).toBe('erased');
        expect((await store.currentKey(customer)).generation).toBe(2);
      });

      it('leaves the keys of other subjects alone', async () => {
        const [kept, erased] = [subject(), subject()];
        const key = await store.currentKey(kept);
        await store.currentKey(erased);
        await store.eraseKeys(erased);
        expect(await store.findKey(kept, 1)).toEqual(key);
      });
    });

    it('refuses to open keys under another master key, naming the variable to check', async () => {
      const customer = subject();
      await store.currentKey(customer);
      const wrongKey = await open(randomBytes(32));
      const error = await wrongKey.currentKey(customer).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataKeyUnwrapError);
      expect((error as Error).message).toContain('PERSONAL_DATA_MASTER_KEY');
      await expect(wrongKey.findKey(customer, 1)).rejects.toBeInstanceOf(DataKeyUnwrapError);
    });
  });
}
