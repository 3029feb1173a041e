import { eventCatalogue, NewEvent } from '@cdp/event-model';
import { openEmbeddedKeyStore, PersonalDataCipher } from '@cdp/personal-data';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personalFieldsOpener } from './personal-fields-opener';

describe('opening the personal fields a segment reads', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cdp-opener-'));
  let cipher: PersonalDataCipher;
  let keyStore: Awaited<ReturnType<typeof openEmbeddedKeyStore>>;

  beforeAll(async () => {
    keyStore = await openEmbeddedKeyStore({ dataDir, masterKey: randomBytes(32) });
    cipher = new PersonalDataCipher({ keyStore, personalDataPaths: (type, version) => eventCatalogue.personalDataPaths(type, version), cacheTtlMs: 0 });
  });
  afterAll(async () => {
    await keyStore.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sealedProfile = async (customerId: string, data: object) => {
    const event: NewEvent = {
      eventId: 'e',
      type: 'CustomerProfileUpdated',
      schemaVersion: 2,
      data: data as never,
      metadata: { correlationId: 'c', causationId: 'c', occurredAt: '2025-01-01T00:00:00.000Z', source: { service: 't' }, actor: { kind: 'system', id: 't' } },
    };
    return (await cipher.encryptEvent(customerId, event)).data as Record<string, string>;
  };

  it('opens them as the profile sealed them', async () => {
    const sealed = await sealedProfile('ann', { birthDate: '1990-02-03', gender: 'female', occupation: 'engineer' });
    expect(sealed.birthDate).toMatch(/^pii:v1:/);
    expect(await personalFieldsOpener(cipher)('ann', { birthDate: sealed.birthDate, gender: sealed.gender, occupation: sealed.occupation })).toEqual({
      birthDate: '1990-02-03',
      gender: 'female',
      occupation: 'engineer',
    });
  });

  it('leaves unknown a field that does not authenticate, and opens the others', async () => {
    const sealed = await sealedProfile('bob', { birthDate: '1980-01-01', gender: 'male' });
    const copiedFromAnother = (await sealedProfile('cy', { occupation: 'pilot' })).occupation;
    expect(await personalFieldsOpener(cipher)('bob', { birthDate: sealed.birthDate, gender: sealed.gender, occupation: copiedFromAnother })).toEqual({
      birthDate: '1980-01-01',
      gender: 'male',
      occupation: null,
    });
  });

  it('leaves unknown what was erased with the key', async () => {
    const sealed = await sealedProfile('dee', { birthDate: '1970-05-05' });
    expect(await personalFieldsOpener(cipher)('dee', { birthDate: sealed.birthDate, gender: null, occupation: null })).toMatchObject({ birthDate: '1970-05-05' });
    await keyStore.eraseKeys('dee');
    expect(await personalFieldsOpener(cipher)('dee', { birthDate: sealed.birthDate, gender: null, occupation: null })).toEqual({ birthDate: null, gender: null, occupation: null });
  });
});
