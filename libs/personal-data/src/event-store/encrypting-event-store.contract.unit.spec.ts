import { eventCatalogue } from '@cdp/event-model';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@cdp/event-store/contract';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { EmbeddedKeyStore, openEmbeddedKeyStore } from '../keys/embedded-key-store';
import { EncryptingEventStore } from './encrypting-event-store';

const catalogueDataPaths = (type: string, version: number) => eventCatalogue.personalDataPaths(type, version);

// The decorated store must keep every promise of the store it wraps. Every contract stream is treated
// as a subject's, so the contract's InteractionRecorded notes really are encrypted on the way through.
const dataDir = mkdtempSync(join(tmpdir(), 'cdp-encrypting-contract-'));
let keyStore: EmbeddedKeyStore | undefined;
afterAll(async () => {
  await keyStore?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

eventStoreContract({
  name: 'Encrypting, over embedded (SQLite)',
  open: async () => {
    keyStore = await openEmbeddedKeyStore({ dataDir, masterKey: randomBytes(32) });
    const cipher = new PersonalDataCipher({ keyStore, personalDataPaths: catalogueDataPaths });
    return new EncryptingEventStore(openEmbeddedEventStore({ dataDir, pageSize: 500 }), { cipher, subjectOf: (streamId) => streamId });
  },
  capabilities: { alwaysIdempotent: true },
});
