import { randomBytes } from 'node:crypto';
import { describeReadStoreContract } from '@cdp/read-store/contract';
import { MongoClient } from 'mongodb';
import { ReadStoreUnavailableError } from '@cdp/read-store';
import { createMongoReadStore, openMongoReadStore } from './mongo-read-store';

// Against FerretDB 1.x (infra/start.sh): a database of its own per store, dropped after.
const url = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:37017/';

describeReadStoreContract('MongoDB (FerretDB)', async () => {
  const database = `cdp_read_store_${randomBytes(6).toString('hex')}`;
  return {
    store: await openMongoReadStore({ url, database }),
    reopen: () => openMongoReadStore({ url, database }),
    cleanup: async () => {
      const client = await new MongoClient(url).connect();
      try {
        await client.db(database).dropDatabase();
        const left = await client.db().admin().listDatabases({ nameOnly: true });
        expect(left.databases.map((d) => d.name)).not.toContain(database);
      } finally {
        await client.close();
      }
    },
  };
});

// MongoDB's own path (atomic position-guarded replaceOne, re-planning on E11000, chunked $in), which buildInfo
// never selects on FerretDB: forced, so that the code MongoDB 6/7 runs is tested against a real server too.
describeReadStoreContract('MongoDB write path, forced on FerretDB', async () => {
  const database = `cdp_read_store_${randomBytes(6).toString('hex')}`;
  const open = () => openMongoReadStore({ url, database, capabilities: { indexedIdQueries: true } });
  return {
    store: await open(),
    reopen: open,
    cleanup: async () => {
      const client = await new MongoClient(url).connect();
      try {
        await client.db(database).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
});

describe('MongoDB read store indexes', () => {
  it('creates the indexes of a definition under their names, on body paths, a non-unique one ending with _id', async () => {
    const database = `cdp_read_store_${randomBytes(6).toString('hex')}`;
    const client = await new MongoClient(url).connect();
    const store = createMongoReadStore(client.db(database));
    try {
      await store.collection({
        name: 'customers',
        indexes: [
          { name: 'email_unique', fields: [{ field: 'email', direction: 'asc' }], unique: true },
          { name: 'by_country_revenue', fields: [{ field: 'country', direction: 'asc' }, { field: 'revenue.GBP', direction: 'desc' }] },
        ],
      });
      await store.close();

      const indexes = await client.db(database).collection('customers').listIndexes().toArray();
      expect(indexes.map(({ name, key, unique }) => ({ name, key, unique: unique ?? false }))).toEqual(
        expect.arrayContaining([
          { name: 'email_unique', key: { 'body.email': 1 }, unique: true },
          { name: 'by_country_revenue', key: { 'body.country': 1, 'body.revenue.GBP': -1, _id: -1 }, unique: false },
        ]),
      );
      expect(indexes).toHaveLength(3);
      // A store over a client it did not open leaves the client open.
      expect(await client.db(database).collection('customers').countDocuments()).toBe(0);
    } finally {
      await client.db(database).dropDatabase();
      await client.close();
    }
  });
});

describe('MongoDB read store, indexes deferred', () => {
  it('creates only the unique indexes until the collection is opened without deferIndexes', async () => {
    const database = `cdp_read_store_${randomBytes(6).toString('hex')}`;
    const client = await new MongoClient(url).connect();
    const store = createMongoReadStore(client.db(database));
    const definition = {
      name: 'customers',
      indexes: [
        { name: 'email_unique', fields: [{ field: 'email', direction: 'asc' as const }], unique: true },
        { name: 'by_country', fields: [{ field: 'country', direction: 'asc' as const }] },
      ],
    };
    const names = async () => (await client.db(database).collection('customers').listIndexes().toArray()).map((index) => index.name).sort();
    try {
      await store.collection(definition, { deferIndexes: true });
      expect(await names()).toEqual(['_id_', 'email_unique']);
      await store.collection(definition);
      expect(await names()).toEqual(['_id_', 'by_country', 'email_unique']);
    } finally {
      await client.db(database).dropDatabase();
      await client.close();
    }
  });
});

describe('MongoDB read store without a server', () => {
  it('fails to open with ReadStoreUnavailableError when nothing answers', async () => {
    const opening = openMongoReadStore({
      url: 'mongodb://reader:s3cret@127.0.0.1:1/',
      database: 'cdp_unreachable',
      clientOptions: { serverSelectionTimeoutMS: 300 },
    });
    await expect(opening).rejects.toThrow(ReadStoreUnavailableError);
    await expect(opening).rejects.toThrow(/127\.0\.0\.1:1/);
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});
