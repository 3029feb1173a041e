import { PersonalDataConfig } from '@cdp/config';
import { eventCatalogue } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { connectMongo } from '@cdp/mongodb';
import {
  DataKeyStore,
  EncryptingEventStore,
  loadOrCreateMasterKey,
  openEmbeddedKeyStore,
  openMongoKeyStore,
  parseMasterKey,
  PersonalDataCipher,
} from '@cdp/personal-data';
import { mkdirSync } from 'node:fs';
import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';

export const masterKeyFile = 'personal-data-master.key';

export interface PersonalData {
  cipher: PersonalDataCipher;
  keyStore: DataKeyStore;
  /** Keys the hashes that name identity streams. */
  identityHashKey: Buffer;
  /** The event store as code that may see personal data reads it: encrypted on append, decrypted on read. */
  decrypting(store: EventStore): EventStore;
  close(): Promise<void>;
}

/** The key store the configuration names, the master key, and the cipher over them. */
export async function openPersonalData(config: PersonalDataConfig): Promise<PersonalData> {
  const { keyStore: where } = config;
  let keyStore: DataKeyStore;
  let masterKey: Buffer;
  let closeConnection = async (): Promise<void> => undefined;
  if (where.kind === 'mongodb') {
    masterKey = parseMasterKey(config.masterKey as string);
    const { client, db } = await connectMongo(where.url, where.database);
    keyStore = await openMongoKeyStore({ db, masterKey });
    closeConnection = () => client.close();
  } else {
    mkdirSync(where.dataDir, { recursive: true });
    masterKey = config.masterKey ? parseMasterKey(config.masterKey) : loadOrCreateMasterKey(join(where.dataDir, masterKeyFile));
    keyStore = await openEmbeddedKeyStore({ dataDir: where.dataDir, masterKey });
  }
  const cipher = new PersonalDataCipher({ keyStore, personalDataPaths: (type, version) => eventCatalogue.personalDataPaths(type, version) });
  // A key of its own, derived one way: an identity hash must not help anyone unwrap data keys.
  const identityHashKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'cdp identity index v1', 32));
  return {
    cipher,
    keyStore,
    identityHashKey,
    decrypting: (store) => new EncryptingEventStore(store, { cipher }),
    close: async () => {
      await keyStore.close();
      await closeConnection();
    },
  };
}
