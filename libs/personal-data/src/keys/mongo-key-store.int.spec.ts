import { randomBytes } from 'node:crypto';
import { connectMongo, MongoConnection } from '@cdp/mongodb';
import { dataKeyStoreContract } from '../contract';
import { openMongoKeyStore } from './mongo-key-store';

// Runs against FerretDB 1.x (started by the int global setup), in a database of its own.
const dbName = `cdp_keys_${randomBytes(6).toString('hex')}`;
let connection: MongoConnection | undefined;
const db = async () => (connection ??= await connectMongo(process.env.MONGODB_URL as string, dbName)).db;

afterAll(async () => {
  if (!connection) return;
  await connection.db.dropDatabase();
  await connection.client.close();
});

dataKeyStoreContract({
  name: 'MongoDB (FerretDB)',
  open: async (masterKey) => openMongoKeyStore({ db: await db(), masterKey }),
});

describe('the Mongo key store', () => {
  it('given an erased subject, then its document keeps the tombstone and no key bytes', async () => {
    const store = await openMongoKeyStore({ db: await db(), masterKey: randomBytes(32), collection: 'other_keys' });
    await store.currentKey('17850');
    await store.eraseKeys('17850');

    const doc = await (await db()).collection('other_keys').findOne({ _id: '17850' as never });
    expect(doc).toMatchObject({ _id: '17850', generation: 1, wrappedKey: null });
    expect(doc?.erasedAt).toBeInstanceOf(Date);
  });
});
