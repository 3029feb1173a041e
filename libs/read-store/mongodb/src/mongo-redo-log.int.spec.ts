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

  it('finishes a batch a crash left in the redo log, when the collection is opened again', async () => {
    const docs = open();
    await docs.write({ upserts: [{ id: 'x', position: position(10), body: { v: 10 } }, { id: 'y', position: position(10), body: { v: 10 } }] });
    // The crash: the batch reached the redo log, its delete ran, its insert did not.
    await client.db(database).collection(redoLogName('docs')).insertMany([
      { _id: 'x', document: { _id: 'x', _position: position(11), body: { v: 11 } } },
      { _id: 'y', document: null },
    ] as never[]);
    await client.db(database).collection<StoredDocument>('docs').deleteMany({ _id: { $in: ['x', 'y'] } });

    const reopened = open();
    await reopened.recover();
    expect([...(await reopened.getMany(['x', 'y'])).values()]).toEqual([{ id: 'x', position: position(11), body: { v: 11 } }]);
    expect(await client.db(database).collection(redoLogName('docs')).countDocuments()).toBe(0);
  });
});
