import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { erasedMarker, eventCatalogue, NewEvent, RecordedEvent } from '@cdp/event-model';
import { PersonalDataIntegrityError } from '../errors';
import { DataKeyStore } from '../keys/data-key';
import { EmbeddedKeyStore, openEmbeddedKeyStore } from '../keys/embedded-key-store';
import { CountingKeyStore } from '../testing/counting-key-store';
import { newEvent, profileUpdated } from '../testing/events';
import { PersonalDataCipher } from './personal-data-cipher';

const catalogueDataPaths = (type: string, version: number) => eventCatalogue.personalDataPaths(type, version);

const dataDir = mkdtempSync(join(tmpdir(), 'cdp-cipher-'));
const masterKey = randomBytes(32);
let keyStore: EmbeddedKeyStore;
beforeAll(async () => {
  keyStore = await openEmbeddedKeyStore({ dataDir, masterKey });
});
afterAll(async () => {
  await keyStore.close();
  rmSync(dataDir, { recursive: true, force: true });
});

let clock = 0;
const cipherOver = (store: DataKeyStore = keyStore, options: { cacheTtlMs?: number } = {}) =>
  new PersonalDataCipher({ keyStore: store, personalDataPaths: catalogueDataPaths, now: () => clock, ...options });

/** What the store gives back: the appended event with its stream coordinates. */
const recorded = (event: NewEvent, streamId = 'customer-17850'): RecordedEvent => ({
  ...event,
  streamId,
  revision: 0,
  position: '00000000000000000001',
  metadata: { ...event.metadata, recordedAt: '2011-12-01T08:26:01.000Z' },
});

const profile = {
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  phone: '+44 20 7946 0000',
  birthDate: '1815-12-10',
  gender: 'female',
  occupation: 'mathematician',
  address: { street: '12 St James Square', postalCode: 'SW1Y 4JH', city: 'London', region: 'Greater London', country: 'GB' },
  company: { name: 'Analytical Engines Ltd', size: '1-9' },
};

describe('PersonalDataCipher', () => {
  it('given a profile update, when encrypted, then each personal leaf is a pii:v1 string and the rest is untouched', async () => {
    const cipher = cipherOver();
    const event = profileUpdated(profile);

    const stored = await cipher.encryptEvent('17850', event);

    const data = stored.data as typeof profile;
    for (const value of [data.name, data.email, data.phone, data.birthDate, data.gender, data.occupation]) {
      expect(value).toMatch(/^pii:v1:1:[A-Za-z0-9_-]+$/);
    }
    expect(data.address.street).toMatch(/^pii:v1:1:/);
    expect(data.address.postalCode).toMatch(/^pii:v1:1:/);
    expect(data.address.city).toMatch(/^pii:v1:1:/);
    expect([data.address.region, data.address.country]).toEqual(['Greater London', 'GB']);
    expect(data.company).toBe(profile.company);
    expect(JSON.stringify(stored)).not.toContain('ada@example.org');
    expect({ ...stored, data: undefined }).toEqual({ ...event, data: undefined });
    expect(event.data).toEqual(profile);
  });

  it('round-trips every personal field, nested ones included, and JSON values other than strings', async () => {
    const cipher = cipherOver();
    const event = profileUpdated({ ...profile, occupation: null, phone: 447946000 } as never);

    const read = await cipher.decryptEvent('17850', recorded(await cipher.encryptEvent('17850', event)));

    expect(read.data).toEqual(event.data);
  });

  it('encrypts the same value differently each time (a fresh IV per field)', async () => {
    const cipher = cipherOver();
    const [a, b] = await Promise.all([1, 2].map(() => cipher.encryptEvent('17850', profileUpdated({ email: 'ada@example.org' }))));
    expect(a.data.email).not.toBe(b.data.email);
  });

  it('given events without personal fields, then the key store is not asked and the same objects come back', async () => {
    const counting = new CountingKeyStore(keyStore);
    const cipher = cipherOver(counting);
    const order = newEvent('OrderPlaced', { orderId: 'o-1', lines: [] });
    const interaction = newEvent('InteractionRecorded', { channel: 'email', direction: 'outbound', kind: 'email-sent' });
    const batch = [order, interaction];

    expect(await cipher.encryptEvent('17850', order)).toBe(order);
    expect(await cipher.encryptEvent('17850', interaction)).toBe(interaction);
    expect(await cipher.encryptEvents('17850', batch)).toBe(batch);
    const read = recorded(interaction);
    expect(await cipher.decryptEvent('17850', read)).toBe(read);
    expect(counting.lookups).toBe(0);
  });

  it('asks the key store once per subject while the cache holds the key, and again after its TTL', async () => {
    const counting = new CountingKeyStore(keyStore);
    const cipher = cipherOver(counting, { cacheTtlMs: 1_000 });
    clock = 0;
    const stored = await Promise.all(
      Array.from({ length: 20 }, (_, i) => cipher.encryptEvent('cached-1', newEvent('InteractionRecorded', { note: `n${i}` }))),
    );
    for (const event of stored) await cipher.decryptEvent('cached-1', recorded(event));
    expect(counting.lookups).toBe(1);

    clock = 1_000;
    await cipher.decryptEvent('cached-1', recorded(stored[0]));
    expect(counting.lookups).toBe(2);
  });

  describe('erasure', () => {
    it('given an erased subject, when its events are read, then each personal leaf reads as { erased: true }', async () => {
      const cipher = cipherOver();
      const stored = recorded(await cipher.encryptEvent('erased-1', profileUpdated(profile)));

      await cipher.erase('erased-1');
      const read = await cipher.decryptEvent('erased-1', stored);

      expect(read.data).toEqual({
        ...profile,
        name: erasedMarker,
        email: erasedMarker,
        phone: erasedMarker,
        birthDate: erasedMarker,
        gender: erasedMarker,
        occupation: erasedMarker,
        address: { ...profile.address, street: erasedMarker, postalCode: erasedMarker, city: erasedMarker },
      });
    });

    it('given an erasure by another process, then this one sees it when its cache expires, or at once after forget()', async () => {
      const here = cipherOver(keyStore, { cacheTtlMs: 60_000 });
      const elsewhere = cipherOver();
      clock = 0;
      const stored = recorded(await here.encryptEvent('erased-2', newEvent('InteractionRecorded', { note: 'called about a refund' })));

      await elsewhere.erase('erased-2');

      expect((await here.decryptEvent('erased-2', stored)).data.note).toBe('called about a refund');
      clock = 60_000;
      expect((await here.decryptEvent('erased-2', stored)).data.note).toEqual(erasedMarker);

      const other = cipherOver(keyStore, { cacheTtlMs: 60_000 });
      const again = recorded(await other.encryptEvent('erased-3', newEvent('InteractionRecorded', { note: 'x' })));
      await elsewhere.erase('erased-3');
      other.forget('erased-3');
      expect((await other.decryptEvent('erased-3', again)).data.note).toEqual(erasedMarker);
    });

    it('given an erasure, when a new event is written, then it uses generation 2 and reads back while generation 1 stays erased', async () => {
      const cipher = cipherOver();
      const before = recorded(await cipher.encryptEvent('erased-4', profileUpdated({ email: 'old@example.org' })));
      await cipher.erase('erased-4');

      const after = recorded(await cipher.encryptEvent('erased-4', profileUpdated({ email: 'new@example.org' })));

      expect(after.data.email).toMatch(/^pii:v1:2:/);
      expect((await cipher.decryptEvent('erased-4', after)).data.email).toBe('new@example.org');
      expect((await cipher.decryptEvent('erased-4', before)).data.email).toEqual(erasedMarker);
      expect((await cipherOver().decryptEvent('erased-4', before)).data.email).toEqual(erasedMarker);
    });
  });

  describe('integrity', () => {
    it('given a ciphertext copied to another customer, then reading it fails with PersonalDataIntegrityError', async () => {
      const cipher = cipherOver();
      await cipher.encryptEvent('victim', profileUpdated({ email: 'x@example.org' }));
      const stolen = await cipher.encryptEvent('17850', profileUpdated({ email: 'ada@example.org' }));

      const error = await cipher.decryptEvent('victim', recorded(stolen, 'customer-victim')).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(PersonalDataIntegrityError);
      expect(error).toMatchObject({ code: 'personal-data-integrity', subjectId: 'victim', path: 'email' });
      expect((error as Error).message).not.toContain('ada@example.org');
    });

    it('given a ciphertext moved to another field or event type, then reading it fails', async () => {
      const cipher = cipherOver();
      const stored = await cipher.encryptEvent('17850', profileUpdated({ name: 'Ada', email: 'ada@example.org' }));
      const swapped = { ...stored, data: { name: stored.data.email, email: stored.data.name } };
      await expect(cipher.decryptEvent('17850', recorded(swapped))).rejects.toBeInstanceOf(PersonalDataIntegrityError);

      const note = await cipher.encryptEvent('17850', newEvent('ComplaintEscalated', { complaintId: 'c', note: 'private' }));
      const moved = newEvent('ComplaintResolved', { complaintId: 'c', resolution: 'other', note: note.data.note });
      await expect(cipher.decryptEvent('17850', recorded(moved))).rejects.toMatchObject({ path: 'note', eventType: 'ComplaintResolved' });
    });

    it.each([
      ['a flipped byte', (s: string) => s.slice(0, -3) + (s.at(-3) === 'A' ? 'B' : 'A') + s.slice(-2)],
      ['a truncated value', (s: string) => s.slice(0, 20)],
      ['an unknown generation', (s: string) => s.replace('pii:v1:1:', 'pii:v1:9:')],
      ['a malformed generation', (s: string) => s.replace('pii:v1:1:', 'pii:v1:x:')],
    ])('given %s, then reading it fails with PersonalDataIntegrityError', async (_, tamper) => {
      const cipher = cipherOver();
      const stored = await cipher.encryptEvent('17850', profileUpdated({ email: 'ada@example.org' }));
      const tampered = { ...stored, data: { email: tamper(stored.data.email as string) } };
      await expect(cipher.decryptEvent('17850', recorded(tampered))).rejects.toBeInstanceOf(PersonalDataIntegrityError);
    });
  });

  it('given legacy plaintext at a personal path (written before encryption), then it reads as is', async () => {
    const cipher = cipherOver();
    const legacy = recorded(profileUpdated({ email: 'ada@example.org', address: { city: 'London' } }));
    expect(await cipher.decryptEvent('17850', legacy)).toBe(legacy);
  });
});
