import { guardedWrites, netChanges } from './guarded-write-plan';

const at = (n: number) => String(n).padStart(12, '0');
const doc = (id: string, position: number, body = {}) => ({ id, position: at(position), body });

describe('the guarded writes of a batch', () => {
  it('keeps per id the change of the highest position; an upsert wins a tie with a delete, the first upsert a tie with another', () => {
    const changes = netChanges({
      upserts: [doc('a', 3), doc('a', 5, { v: 5 }), doc('b', 4, { first: true }), doc('b', 4, { first: false }), doc('c', 2), doc('d', 6)],
      deletes: [
        { id: 'a', position: at(4) },
        { id: 'b', position: at(4) },
        { id: 'c', position: at(3) },
        { id: 'e', position: at(1) },
        { id: 'e', position: at(2) },
      ],
    });

    expect([...changes.entries()]).toEqual([
      ['a', { kind: 'upsert', document: doc('a', 5, { v: 5 }) }],
      ['b', { kind: 'upsert', document: doc('b', 4, { first: true }) }],
      ['c', { kind: 'delete', id: 'c', position: at(3) }],
      ['d', { kind: 'upsert', document: doc('d', 6) }],
      ['e', { kind: 'delete', id: 'e', position: at(2) }],
    ]);
  });

  it('writes only what is newer than stored: an insert when nothing is, a guarded upsert or delete otherwise', () => {
    const changes = netChanges({
      upserts: [doc('new', 5), doc('newer', 5, { v: 1 }), doc('stale', 5), doc('same', 5)],
      deletes: [
        { id: 'gone', position: at(9) },
        { id: 'never-stored', position: at(9) },
        { id: 'kept', position: at(2) },
      ],
    });
    const stored = new Map([
      ['newer', at(4)],
      ['stale', at(6)],
      ['same', at(5)],
      ['gone', at(8)],
      ['kept', at(2)],
    ]);

    expect(guardedWrites(changes, stored)).toEqual([
      { insertOne: { document: { _id: 'new', _position: at(5), body: {} } } },
      {
        replaceOne: {
          filter: { _id: 'newer', _position: { $lt: at(5) } },
          replacement: { _id: 'newer', _position: at(5), body: { v: 1 } },
          upsert: true,
        },
      },
      { deleteOne: { filter: { _id: 'gone', _position: { $lt: at(9) } } } },
    ]);
  });

  it('on a server that indexes only { _id } filters (FerretDB), filters by _id alone, trusting the positions just read', () => {
    const changes = netChanges({ upserts: [doc('new', 5), doc('newer', 5, { v: 1 })], deletes: [{ id: 'gone', position: at(9) }] });
    const stored = new Map([
      ['newer', at(4)],
      ['gone', at(8)],
    ]);
    expect(guardedWrites(changes, stored, { atomicGuard: false })).toEqual([
      { insertOne: { document: { _id: 'new', _position: at(5), body: {} } } },
      { replaceOne: { filter: { _id: 'newer' }, replacement: { _id: 'newer', _position: at(5), body: { v: 1 } }, upsert: false } },
      { deleteOne: { filter: { _id: 'gone' } } },
    ]);
  });
});
