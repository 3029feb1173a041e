import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { StoredDocument } from './mongo-filter';
import { MongoReadCollection, redoLogName } from './mongo-read-collection';

// The write path for servers that scan on every update (FerretDB): delete + insert, made crash-safe by a redo log.
// Forced here whatever the server, so it is tested on MongoDB too.

const url = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:37017/';
const position = (n: number) => String(n).padStart(20, '0');

describe('MongoReadCollection without indexed _id queries', () => {
  const client = new MongoClient(url);
  const database = `cdp_redo_${randomUUID().slice(0, 8)}`;
  const reach = <T>(call: () => Promise<T>) => call();
  const open = () => new MongoReadCollection<{ v: number }>('docs', client.db(database).collection<StoredDocument>('docs'), reach, 100, { indexedIdQueries: false });

  beforeAll(() => client.connect());
  afterAll(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  it('replaces, guards and deletes like the atomic path, and leaves no redo entry behind', async () => {
    const docs = open();
    await docs.write({ upserts: [{ id: 'a', position: position(1), body: { v: 1 } }, { id: 'b', position: position(2), body: { v: 2 } }] });
    await docs.write({ upserts: [{ id: 'a', position: position(3), body: { v: 3 } }, { id: 'b', position: position(1), body: { v: -1 } }], deletes: [{ id: 'c', position: position(4) }] });
    await docs.write({ deletes: [{ id: 'b', position: position(5) }] });
    expect([...(await docs.getMany(['a', 'b', 'c'])).values()]).toEqual([{ id: 'a', position: position(3), body: { v: 3 } }]);
    expect(await client.db(database).collection(redoLogName('docs')).countDocuments()).toBe(0);
  });

  it('finishes a batch a crash left in the redo log before its writer reads or writes, and never for a reader', async () => {
    const docs = open();
    await docs.write({ upserts: [{ id: 'x', position: position(10), body: { v: 10 } }, { id: 'y', position: position(10), body: { v: 10 } }] });
    // The crash: the batch reached the redo log, its delete ran, its insert did not.
    await client.db(database).collection(redoLogName('docs')).insertMany([
      { _id: 'x', document: { _id: 'x', _position: position(11), body: { v: 11 } } },
      { _id: 'y', document: null },
    ] as never[]);
    await client.db(database).collection<StoredDocument>('docs').deleteMany({ _id: { $in: ['x', 'y'] } });

    // A handle that only reads leaves the log alone: replaying it could undo a batch its writer applies meanwhile.
    const reader = open();
    expect([...(await reader.getMany(['x', 'y'])).values()]).toEqual([]);
    expect(await client.db(database).collection(redoLogName('docs')).countDocuments()).toBe(2);

    const writer = open();
    await writer.write({ upserts: [{ id: 'z', position: position(12), body: { v: 12 } }] });
    expect([...(await writer.getMany(['x', 'y', 'z'])).values()]).toEqual([
      { id: 'x', position: position(11), body: { v: 11 } },
      { id: 'z', position: position(12), body: { v: 12 } },
    ]);
    expect(await client.db(database).collection(redoLogName('docs')).countDocuments()).toBe(0);
  });
});

describe('MongoReadCollection without indexed _id queries, when a write fails half-way', () => {
  const client = new MongoClient(url);
  const database = `cdp_redo_${randomUUID().slice(0, 8)}`;
  afterAll(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  it('finishes the failed batch before the retry, so the retry is neither blocked by its redo entries nor loses documents', async () => {
    await client.connect();
    // The server goes away once, on the insert that follows the batch's delete.
    let calls = 0;
    let failOnCall = -1;
    const reach = <T>(call: () => Promise<T>) => (++calls === failOnCall ? Promise.reject(new Error('connection reset')) : call());
    const docs = new MongoReadCollection<{ v: number }>('docs', client.db(database).collection<StoredDocument>('docs'), reach, 100, { indexedIdQueries: false });
    await docs.write({ upserts: [{ id: 'a', position: position(1), body: { v: 1 } }, { id: 'b', position: position(1), body: { v: 1 } }] });

    const batch = { upserts: [{ id: 'a', position: position(2), body: { v: 2 } }, { id: 'b', position: position(2), body: { v: 2 } }] };
    // Calls of one write: the stored positions (2 look-ups), the redo log, the delete, the insert, the redo log's clean-up.
    failOnCall = calls + 5;
    await expect(docs.write(batch)).rejects.toThrow('connection reset');
    // The delete ran and the insert did not: until the retry, the redo log holds the batch.
    expect(await client.db(database).collection(redoLogName('docs')).countDocuments()).toBe(2);

    await docs.write(batch);
    expect([...(await docs.getMany(['a', 'b'])).values()]).toEqual([
      { id: 'a', position: position(2), body: { v: 2 } },
      { id: 'b', position: position(2), body: { v: 2 } },
    ]);
    expect(await client.db(database).collection(redoLogName('docs')).countDocuments()).toBe(0);
  });

  it('makes an unguarded bulkReplace as safe: a failure between its delete and its insert loses nothing', async () => {
    let calls = 0;
    let failOnCall = -1;
    const reach = <T>(call: () => Promise<T>) => (++calls === failOnCall ? Promise.reject(new Error('connection reset')) : call());
    const docs = new MongoReadCollection<{ v: number }>('buckets', client.db(database).collection<StoredDocument>('buckets'), reach, 100, { indexedIdQueries: false });
    await docs.bulkReplace([{ id: 'k#000', position: position(1), body: { v: 1 } }]);

    const replacement = [{ id: 'k#000', position: position(1), body: { v: 2 } }];
    // Calls of one bulkReplace: the redo log, the delete, the insert, the redo log's clean-up.
    failOnCall = calls + 3;
    await expect(docs.bulkReplace(replacement)).rejects.toThrow('connection reset');
    expect(await docs.get('k#000')).toBeNull();

    const reopened = new MongoReadCollection<{ v: number }>('buckets', client.db(database).collection<StoredDocument>('buckets'), (call) => call(), 100, { indexedIdQueries: false });
    await reopened.bulkReplace([{ id: 'k#001', position: position(1), body: { v: 3 } }]);
    expect(await reopened.get('k#000')).toEqual({ id: 'k#000', position: position(1), body: { v: 2 } });
    expect(await client.db(database).collection(redoLogName('buckets')).countDocuments()).toBe(0);
  });
});

describe('MongoReadCollection without indexed _id queries, when a unique index refuses a document', () => {
  const client = new MongoClient(url);
  const database = `cdp_redo_${randomUUID().slice(0, 8)}`;
  afterAll(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  it('refuses the write and still writes the rest of the batch, which FerretDB would drop after the refused one', async () => {
    await client.connect();
    const documents = client.db(database).collection<StoredDocument>('people');
    await documents.createIndex({ 'body.email': 1 }, { unique: true, name: 'email_unique' });
    const people = new MongoReadCollection<{ email: string }>('people', documents, (call) => call(), 100, { indexedIdQueries: false });
    await people.write({
      upserts: [
        { id: 'x', position: position(1), body: { email: 'x@example.org' } },
        { id: 'y', position: position(1), body: { email: 'y@example.org' } },
        { id: 'z', position: position(1), body: { email: 'z@example.org' } },
      ],
    });

    const refused = people.write({
      upserts: [
        { id: 'y', position: position(2), body: { email: 'x@example.org' } },
        { id: 'z', position: position(2), body: { email: 'z@example.com' } },
      ],
    });
    await expect(refused).rejects.toMatchObject({ code: 11000 });

    const stored = await people.getMany(['x', 'z']);
    expect(stored.get('x')).toEqual({ id: 'x', position: position(1), body: { email: 'x@example.org' } });
    expect(stored.get('z')).toEqual({ id: 'z', position: position(2), body: { email: 'z@example.com' } });
    expect(await client.db(database).collection(redoLogName('people')).countDocuments()).toBe(0);
    // The next batch is not blocked by the refused one.
    await people.write({ upserts: [{ id: 'x', position: position(3), body: { email: 'x@example.com' } }] });
    expect((await people.get('x'))?.position).toBe(position(3));
  });
});
