import { randomBytes } from 'node:crypto';
import { Db, MongoClient } from 'mongodb';
import { connectMongo, MongoUnavailableError } from './connect-mongo';
import { isDuplicateKeyError } from './duplicate-key';
import { ensureIndexes, IndexSpec } from './ensure-indexes';

// Runs against FerretDB 1.x (infra/start.sh), so everything here is in the subset it shares with MongoDB.
const url = process.env.MONGODB_URL as string;

interface CustomerView {
  _id: string;
  email: string;
  segment: string;
  score: number;
  name?: string;
  firstSeenAt?: string;
  interactions?: number;
}

const indexes: IndexSpec[] = [
  { collection: 'customers', key: { email: 1 }, name: 'email_unique', unique: true },
  { collection: 'customers', key: { segment: 1, score: -1 }, name: 'segment_score' },
  { collection: 'checkpoints', key: { projection: 1 }, name: 'projection_unique', unique: true },
];

describe('@cdp/mongodb against FerretDB', () => {
  const dbName = `cdp_int_${randomBytes(6).toString('hex')}`;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    ({ client, db } = await connectMongo(url, dbName));
  });

  afterAll(async () => {
    await db.dropDatabase();
    const left = await client.db().admin().listDatabases({ nameOnly: true });
    expect(left.databases.map((d) => d.name)).not.toContain(dbName);
    await client.close();
  });

  it('creates indexes once and finds them unchanged on a second run', async () => {
    await ensureIndexes(db, indexes);
    await ensureIndexes(db, indexes);

    const customerIndexes = await db.collection('customers').listIndexes().toArray();
    expect(customerIndexes.map(({ name, key, unique }) => ({ name, key, unique: unique ?? false }))).toEqual(
      expect.arrayContaining([
        { name: '_id_', key: { _id: 1 }, unique: false },
        { name: 'email_unique', key: { email: 1 }, unique: true },
        { name: 'segment_score', key: { segment: 1, score: -1 }, unique: false },
      ]),
    );
    expect(customerIndexes).toHaveLength(3);
    expect(await db.collection('checkpoints').listIndexes().toArray()).toHaveLength(2);
  });

  it('refuses to redefine an existing index under the same name', async () => {
    const redefined: IndexSpec = { collection: 'customers', key: { email: 1, segment: 1 }, name: 'email_unique', unique: true };

    await expect(ensureIndexes(db, [redefined])).rejects.toMatchObject({ code: 86, codeName: 'IndexKeySpecsConflict' });
    expect(await db.collection('customers').listIndexes().toArray()).toHaveLength(3);
  });

  it('inserts and finds documents', async () => {
    const customers = db.collection<CustomerView>('customers');
    await customers.insertMany([
      { _id: 'c-1', email: 'ada@example.org', segment: 'gold', score: 90 },
      { _id: 'c-2', email: 'bob@example.org', segment: 'gold', score: 70 },
      { _id: 'c-3', email: 'cy@example.org', segment: 'silver', score: 95 },
    ]);

    expect(await customers.findOne({ email: 'bob@example.org' })).toEqual({
      _id: 'c-2',
      email: 'bob@example.org',
      segment: 'gold',
      score: 70,
    });
    expect(await customers.countDocuments({ segment: 'gold' })).toBe(2);
  });

  it('upserts with $set, $setOnInsert and $inc: insert once, then update in place', async () => {
    const customers = db.collection<CustomerView>('customers');
    const recordInteraction = (name: string, at: string) =>
      customers.updateOne(
        { _id: 'c-4' },
        {
          $set: { name },
          $setOnInsert: { email: 'dee@example.org', segment: 'bronze', score: 10, firstSeenAt: at },
          $inc: { interactions: 1 },
        },
        { upsert: true },
      );

    const first = await recordInteraction('Dee', '2024-01-01T00:00:00.000Z');
    const second = await recordInteraction('Dee Smith', '2024-02-01T00:00:00.000Z');

    expect([first.upsertedCount, first.upsertedId]).toEqual([1, 'c-4']);
    expect([second.upsertedCount, second.matchedCount, second.modifiedCount]).toEqual([0, 1, 1]);
    expect(await customers.findOne({ _id: 'c-4' })).toEqual({
      _id: 'c-4',
      name: 'Dee Smith',
      email: 'dee@example.org',
      segment: 'bronze',
      score: 10,
      firstSeenAt: '2024-01-01T00:00:00.000Z',
      interactions: 2,
    });
  });

  it('rejects a duplicate on a unique index with the driver duplicate-key error (11000)', async () => {
    const customers = db.collection<CustomerView>('customers');
    const duplicate = { _id: 'c-5', email: 'ada@example.org', segment: 'gold', score: 1 };

    const error = await customers.insertOne(duplicate).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(isDuplicateKeyError(error)).toBe(true);
    expect(error).toMatchObject({ code: 11000 });
    expect(await customers.findOne({ _id: 'c-5' })).toBeNull();
    expect(isDuplicateKeyError(new Error('E11000 lookalike'))).toBe(false);
  });

  it('sorts on the compound index and limits', async () => {
    const customers = db.collection<CustomerView>('customers');
    await customers.insertMany([
      { _id: 'c-6', email: 'eve@example.org', segment: 'gold', score: 80 },
      { _id: 'c-7', email: 'fay@example.org', segment: 'gold', score: 99 },
    ]);

    const top = await customers.find({ segment: 'gold' }).sort({ score: -1 }).limit(3).toArray();

    expect(top.map((c) => [c._id, c.score])).toEqual([
      ['c-7', 99],
      ['c-1', 90],
      ['c-6', 80],
    ]);
  });

  it('fails with a message naming the address, without credentials, when nothing answers', async () => {
    const error = await connectMongo('mongodb://reader:s3cret@127.0.0.1:1/', dbName, { serverSelectionTimeoutMS: 500 }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(MongoUnavailableError);
    expect((error as Error).message).toBe(
      'could not reach MongoDB at mongodb://***@127.0.0.1:1/: check MONGODB_URL and that the server runs',
    );
  });
});
