/// <reference types="jest" />
import { JsonObject } from '@cdp/event-model';
import {
  Condition,
  DocumentExistsError,
  FindQuery,
  InvalidReadQueryError,
  ProjectionCheckpoint,
  ReadCollection,
  ReadDocument,
  ReadStore,
  ReadStoreUnavailableError,
} from '../index';
import { randomDocument, randomQuery, seededRandom } from './random-read-models';
import { referenceCountBy, referenceFind, referenceSumBy } from './reference-query';

/** A read store under test, over storage of its own. */
export interface ReadStoreContractSubject {
  store: ReadStore;
  /** Opens another store over the same storage, as the process would after a restart. */
  reopen(): Promise<ReadStore>;
  /** Removes the storage; called once every store over it is closed. */
  cleanup(): Promise<void>;
}

/** Fixed width, like the event store's positions: string order is log order. */
const at = (n: number) => String(n).padStart(12, '0');
const doc = (id: string, position: number, body: JsonObject): ReadDocument => ({ id, position: at(position), body });
const ids = (documents: readonly ReadDocument[]) => documents.map((d) => d.id);

async function everyPage<Body extends JsonObject>(collection: ReadCollection<Body>, query: Omit<FindQuery, 'after'>) {
  const seen: ReadDocument<Body>[] = [];
  let after: string | undefined;
  for (let pages = 0; ; pages++) {
    const page = await collection.find({ ...query, after });
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    seen.push(...page.items);
    if (page.nextCursor === null) return seen;
    expect(page.items).toHaveLength(query.limit);
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    after = page.nextCursor;
    if (pages > 10_000) throw new Error('pagination does not end');
  }
}

/**
 * The behaviour every read store must have, written once (Emmett's shared store tests are the model).
 * Call it from a spec file of the adapter with a factory giving a store over fresh storage.
 */
export function describeReadStoreContract(name: string, factory: () => Promise<ReadStoreContractSubject>): void {
  describe(`${name} read store contract`, () => {
    let subject: ReadStoreContractSubject;
    let store: ReadStore;
    let collections = 0;
    const fresh = <Body extends JsonObject = JsonObject>(indexes: Parameters<ReadStore['collection']>[0]['indexes'] = []) =>
      store.collection<Body>({ name: `contract_${++collections}`, indexes });

    beforeAll(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterAll(async () => {
      await store?.close();
      await subject?.cleanup();
    });

    describe('documents', () => {
      it('gives back a body exactly as written, and null or nothing for an unknown id', async () => {
        const customers = await fresh();
        const body = {
          name: 'Zoë SSmith 😀',
          revenue: { GBP: 1234.56, EUR: -0.5, count: 3 },
          // No array directly inside an array: FerretDB 1.x refuses nested arrays.
          tags: ['vip', { since: 2019, months: [1, 2] }, null, true],
          consent: { email: false, sms: null },
          big: 9007199254740991,
          small: 1e-7,
          empty: {},
          none: [],
          pii: 'pii:v1:abc',
          erased: { erased: true },
        };
        await customers.write({ upserts: [doc('c-1', 1, body), doc('c-2', 2, { name: 'Bo' })] });

        expect(await customers.get('c-1')).toEqual(doc('c-1', 1, body));
        expect(await customers.get('c-3')).toBeNull();
        const many = await customers.getMany(['c-2', 'c-3', 'c-1', 'c-2']);
        expect([...many.keys()].sort()).toEqual(['c-1', 'c-2']);
        expect(many.get('c-1')).toEqual(doc('c-1', 1, body));
        expect(many.get('c-2')).toEqual(doc('c-2', 2, { name: 'Bo' }));
        expect((await customers.getMany([])).size).toBe(0);
        expect(customers.name).toBe(`contract_${collections}`);
      });

      it('applies an upsert only when its position is newer than the stored one', async () => {
        const customers = await fresh();
        await customers.write({ upserts: [doc('c-1', 5, { v: 'five' })] });

        await customers.write({ upserts: [doc('c-1', 3, { v: 'older' })] });
        expect(await customers.get('c-1')).toEqual(doc('c-1', 5, { v: 'five' }));
        await customers.write({ upserts: [doc('c-1', 5, { v: 'same position' })] });
        expect(await customers.get('c-1')).toEqual(doc('c-1', 5, { v: 'five' }));
        await customers.write({ upserts: [doc('c-1', 7, { w: 'seven' })] });
        expect(await customers.get('c-1')).toEqual(doc('c-1', 7, { w: 'seven' }));
      });

      it('applies a batch in any mix of stale and fresh writes, and a re-applied batch changes nothing', async () => {
        const customers = await fresh();
        await customers.write({ upserts: [doc('a', 10, { v: 1 }), doc('b', 10, { v: 1 }), doc('c', 10, { v: 1 })] });
        const batch = {
          upserts: [doc('a', 5, { v: 'stale' }), doc('b', 11, { v: 'fresh' }), doc('d', 11, { v: 'new' }), doc('e', 12, { v: 'new' })],
          deletes: [{ id: 'c', position: at(12) }, { id: 'a', position: at(9) }],
        };
        await customers.write(batch);
        const after = await customers.find({ limit: 100 });
        expect(after.items).toEqual([doc('a', 10, { v: 1 }), doc('b', 11, { v: 'fresh' }), doc('d', 11, { v: 'new' }), doc('e', 12, { v: 'new' })]);

        await customers.write(batch);
        expect(await customers.find({ limit: 100 })).toEqual(after);
      });

      it('keeps the highest position when a batch holds one id several times, in either order', async () => {
        const customers = await fresh();
        await customers.write({ upserts: [doc('up', 4, { v: 4 }), doc('up', 6, { v: 6 }), doc('down', 6, { v: 6 }), doc('down', 4, { v: 4 })] });
        await customers.write({
          upserts: [doc('deleted-after', 3, { v: 3 }), doc('kept', 9, { v: 9 })],
          deletes: [{ id: 'deleted-after', position: at(5) }, { id: 'kept', position: at(8) }],
        });

        expect(await customers.find({ limit: 10 })).toEqual({
          items: [doc('down', 6, { v: 6 }), doc('kept', 9, { v: 9 }), doc('up', 6, { v: 6 })],
          nextCursor: null,
        });
      });

      it('deletes a document only when the delete is newer than the stored position', async () => {
        const customers = await fresh();
        await customers.write({ upserts: [doc('c-1', 5, { v: 1 })] });

        await customers.write({ deletes: [{ id: 'c-1', position: at(4) }] });
        await customers.write({ deletes: [{ id: 'c-1', position: at(5) }] });
        expect(await customers.get('c-1')).toEqual(doc('c-1', 5, { v: 1 }));
        await customers.write({ deletes: [{ id: 'c-1', position: at(6) }, { id: 'never-stored', position: at(6) }] });
        expect(await customers.get('c-1')).toBeNull();
        await customers.write({ deletes: [{ id: 'c-1', position: at(6) }] });
        await customers.write({});
        expect(await customers.count()).toBe(0);
      });

      it('inserts new documents with insertNew, and refuses an id already stored', async () => {
        const customers = await fresh();
        await customers.insertNew([doc('c-1', 1, { v: 'one' }), doc('c-2', 2, { v: 'two' })]);
        await customers.insertNew([]);
        expect((await customers.find({ limit: 10 })).items).toEqual([doc('c-1', 1, { v: 'one' }), doc('c-2', 2, { v: 'two' })]);

        await expect(customers.insertNew([doc('c-2', 3, { v: 'again' })])).rejects.toBeInstanceOf(DocumentExistsError);
        expect(await customers.get('c-2')).toEqual(doc('c-2', 2, { v: 'two' }));
      });

      it('deletes with bulkDelete whatever the positions, and ignores what is not there', async () => {
        const customers = await fresh();
        await customers.write({ upserts: [doc('c-1', 9, { v: 'stored' }), doc('c-2', 1, { v: 'kept' })] });

        await customers.bulkDelete(['c-1', 'c-9']);
        await customers.bulkDelete([]);

        expect((await customers.find({ limit: 10 })).items).toEqual([doc('c-2', 1, { v: 'kept' })]);
      });

      it('replaces whatever is stored with bulkReplace, whatever the positions', async () => {
        const customers = await fresh();
        await customers.write({ upserts: [doc('c-1', 9, { v: 'stored' })] });

        await customers.bulkReplace([doc('c-1', 2, { v: 'replaced' }), doc('c-2', 1, { v: 'inserted' })]);
        await customers.bulkReplace([]);

        expect((await customers.find({ limit: 10 })).items).toEqual([doc('c-1', 2, { v: 'replaced' }), doc('c-2', 1, { v: 'inserted' })]);
      });
    });

    describe('conditions', () => {
      // One field `v` holding every kind of value, so that each condition shows what it must not match.
      const typed = [
        doc('n5', 1, { v: 5 }),
        doc('n7.5', 1, { v: 7.5 }),
        doc('n-1', 1, { v: -1 }),
        doc('n0', 1, { v: 0 }),
        doc('s5', 1, { v: '5' }),
        doc('sa', 1, { v: 'a' }),
        doc('sB', 1, { v: 'B' }),
        doc('true', 1, { v: true }),
        doc('false', 1, { v: false }),
        doc('null', 1, { v: null }),
        doc('missing', 1, { other: 1 }),
        doc('object', 1, { v: { x: 5 } }),
        doc('gbp10', 1, { revenue: { GBP: 10 } }),
        doc('gbp20', 1, { revenue: { GBP: 20, EUR: 5 } }),
        doc('eur-only', 1, { revenue: { EUR: 15 } }),
        doc('revenue-text', 1, { revenue: 'n/a' }),
      ];
      const all = ids(typed);
      const without = (...excluded: string[]) => all.filter((id) => !excluded.includes(id));
      const noV = ['missing', 'gbp10', 'gbp20', 'eur-only', 'revenue-text'];
      let collection: ReadCollection;

      beforeAll(async () => {
        collection = await fresh([{ name: 'by_v', fields: [{ field: 'v', direction: 'asc' }] }]);
        await collection.write({ upserts: typed });
      });

      const cases: [string, Condition, string[]][] = [
        ['eq number', { field: 'v', op: 'eq', value: 5 }, ['n5']],
        ['eq numeric string', { field: 'v', op: 'eq', value: '5' }, ['s5']],
        ['eq string, case-sensitive', { field: 'v', op: 'eq', value: 'b' }, []],
        ['eq true is not 1', { field: 'v', op: 'eq', value: true }, ['true']],
        ['eq 1 is not true', { field: 'v', op: 'eq', value: 1 }, []],
        ['eq 0 is not false', { field: 'v', op: 'eq', value: 0 }, ['n0']],
        ['eq false is not 0', { field: 'v', op: 'eq', value: false }, ['false']],
        ['eq null matches null and missing', { field: 'v', op: 'eq', value: null }, ['null', ...noV]],
        ['ne number matches other types and missing', { field: 'v', op: 'ne', value: 5 }, without('n5')],
        ['ne string', { field: 'v', op: 'ne', value: '5' }, without('s5')],
        ['ne true', { field: 'v', op: 'ne', value: true }, without('true')],
        ['ne null matches every present non-null value', { field: 'v', op: 'ne', value: null }, without('null', ...noV)],
        ['in mixes types strictly', { field: 'v', op: 'in', values: [5, 'a', false] }, ['n5', 'sa', 'false']],
        ['in with null matches missing', { field: 'v', op: 'in', values: [null, -1] }, ['n-1', 'null', ...noV]],
        ['in nothing matches nothing', { field: 'v', op: 'in', values: [] }, []],
        ['gt number: numbers only', { field: 'v', op: 'gt', value: 0 }, ['n5', 'n7.5']],
        ['gte number', { field: 'v', op: 'gte', value: 0 }, ['n5', 'n7.5', 'n0']],
        ['lt number never matches null, missing or false', { field: 'v', op: 'lt', value: 1 }, ['n-1', 'n0']],
        ['lte number', { field: 'v', op: 'lte', value: 7.5 }, ['n5', 'n7.5', 'n-1', 'n0']],
        ['gt string: strings only, binary order', { field: 'v', op: 'gt', value: 'B' }, ['sa']],
        ['gte string', { field: 'v', op: 'gte', value: 'B' }, ['sa', 'sB']],
        ['lt string: digits sort before letters', { field: 'v', op: 'lt', value: 'B' }, ['s5']],
        ['lte string', { field: 'v', op: 'lte', value: '5' }, ['s5']],
        ['exists true includes null', { field: 'v', op: 'exists', value: true }, without(...noV)],
        ['exists false', { field: 'v', op: 'exists', value: false }, noV],
        ['nested path', { field: 'revenue.GBP', op: 'gte', value: 10 }, ['gbp10', 'gbp20']],
        ['nested path eq null through a string and a missing key', { field: 'revenue.GBP', op: 'eq', value: null }, without('gbp10', 'gbp20')],
        ['nested path exists', { field: 'revenue.EUR', op: 'exists', value: true }, ['gbp20', 'eur-only']],
        ['a path into an object value', { field: 'v.x', op: 'eq', value: 5 }, ['object']],
      ];

      it.each(cases)('%s', async (_label, condition, expected) => {
        const page = await collection.find({ where: [condition], limit: 100 });
        expect(ids(page.items).sort()).toEqual([...expected].sort());
        expect(ids(referenceFind(typed, { where: [condition] })).sort()).toEqual([...expected].sort());
        expect(await collection.count([condition])).toBe(expected.length);
      });

      it('ands several conditions, also on one field', async () => {
        const where: Condition[] = [
          { field: 'v', op: 'gte', value: -1 },
          { field: 'v', op: 'lt', value: 7 },
          { field: 'v', op: 'ne', value: 0 },
        ];
        expect(ids((await collection.find({ where, limit: 100 })).items)).toEqual(['n-1', 'n5']);
        expect(await collection.count(where)).toBe(2);
      });

      it('refuses a bad field path, condition or limit with InvalidReadQueryError, and never runs it', async () => {
        const badPaths = ['', 'a..b', '1a', 'a-b', '$where', 'a.$b', "v') OR 1=1 --", 'v"', 'revenue. GBP'];
        for (const field of badPaths) {
          await expect(collection.find({ where: [{ field, op: 'eq', value: 1 }], limit: 10 })).rejects.toThrow(InvalidReadQueryError);
          await expect(collection.find({ sort: { field, direction: 'asc' }, limit: 10 })).rejects.toThrow(InvalidReadQueryError);
          await expect(collection.count([{ field, op: 'exists', value: true }])).rejects.toThrow(InvalidReadQueryError);
          await expect(collection.countBy(field)).rejects.toThrow(InvalidReadQueryError);
          await expect(collection.sumBy('v', field)).rejects.toThrow(InvalidReadQueryError);
        }
        for (const limit of [0, -1, 1.5, 10_001, Number.NaN]) {
          await expect(collection.find({ limit })).rejects.toThrow(InvalidReadQueryError);
        }
        const badConditions = [
          { field: 'v', op: 'gt', value: null },
          { field: 'v', op: 'regex', value: '.*' },
          { field: 'v', op: 'eq', value: { $gt: 1 } },
          { field: 'v', op: 'in', values: 'a' },
          { field: 'v', op: 'exists', value: 1 },
          { field: 'v', op: 'gt', value: Number.POSITIVE_INFINITY },
        ] as unknown as Condition[];
        for (const condition of badConditions) {
          await expect(collection.find({ where: [condition], limit: 10 })).rejects.toThrow(InvalidReadQueryError);
        }
        await expect(collection.find({ sort: { field: 'v', direction: 'up' as 'asc' }, limit: 10 })).rejects.toThrow(InvalidReadQueryError);
        expect(await collection.count()).toBe(typed.length);
      });
    });

    describe('sorting and pages', () => {
      it('sorts null and missing first ascending, last descending, ties by id in the same direction', async () => {
        const scores = await fresh([{ name: 'by_score', fields: [{ field: 'score', direction: 'desc' }] }]);
        await scores.write({
          upserts: [
            doc('a', 1, { score: 3 }),
            doc('b', 1, { score: 1 }),
            doc('c', 1, { score: null }),
            doc('d', 1, {}),
            doc('e', 1, { score: 3 }),
            doc('f', 1, { score: 2.5 }),
            doc('g', 1, { score: -10 }),
          ],
        });
        const sorted = async (direction: 'asc' | 'desc') => ids((await scores.find({ sort: { field: 'score', direction }, limit: 100 })).items);

        expect(await sorted('asc')).toEqual(['c', 'd', 'g', 'b', 'f', 'a', 'e']);
        expect(await sorted('desc')).toEqual(['e', 'a', 'f', 'b', 'g', 'd', 'c']);
        expect(ids((await scores.find({ limit: 100 })).items)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
      });

      it('sorts strings and ids by code point (UTF-8 byte order), numbers numerically', async () => {
        const names = await fresh();
        const values = ['b', 'B', 'a', 'é', '', '10', '9', 'ab', '\uFFFD', '\u{1F600}'];
        await names.write({ upserts: values.map((name, i) => doc(`n${i}`, 1, { name, number: i % 3 === 0 ? 10 : i })) });
        const byName = (await names.find({ sort: { field: 'name', direction: 'asc' }, limit: 100 })).items.map((d) => d.body.name);
        expect(byName).toEqual(['', '10', '9', 'B', 'a', 'ab', 'b', 'é', '\uFFFD', '\u{1F600}']);
        const byNumber = (await names.find({ sort: { field: 'number', direction: 'asc' }, limit: 100 })).items.map((d) => d.body.number);
        expect(byNumber).toEqual([1, 2, 4, 5, 7, 8, 10, 10, 10, 10]);

        const byId = await fresh();
        await byId.write({ upserts: ['b', 'B', 'é', '\uFFFD', '\u{1F600}', 'a'].map((id) => doc(id, 1, {})) });
        expect(ids((await byId.find({ limit: 10 })).items)).toEqual(['B', 'a', 'b', 'é', '\uFFFD', '\u{1F600}']);
      });

      it('visits every matching document exactly once, page by page, with filters and a sort on duplicates and nulls', async () => {
        const customers = await fresh([
          { name: 'by_tier_rank', fields: [{ field: 'tier', direction: 'asc' }, { field: 'rank', direction: 'desc' }] },
        ]);
        const random = seededRandom(237);
        const documents = Array.from({ length: 237 }, (_, i) =>
          doc(`cust-${String(Math.floor(random() * 1000)).padStart(3, '0')}-${i}`, i + 1, {
            tier: ['gold', 'silver', 'bronze', 'lead'][i % 4],
            ...(i % 7 === 0 ? {} : { rank: i % 11 === 0 ? null : i % 9 }),
            name: `name ${i % 13}`,
          }),
        );
        await customers.write({ upserts: documents });
        const queries: Omit<FindQuery, 'after'>[] = [
          { limit: 10 },
          { sort: { field: 'rank', direction: 'asc' }, limit: 10 },
          { sort: { field: 'rank', direction: 'desc' }, limit: 10 },
          { where: [{ field: 'tier', op: 'in', values: ['gold', 'silver', 'lead'] }], sort: { field: 'rank', direction: 'desc' }, limit: 10 },
          { where: [{ field: 'tier', op: 'eq', value: 'gold' }, { field: 'rank', op: 'ne', value: 3 }], sort: { field: 'rank', direction: 'asc' }, limit: 7 },
          {
            where: [{ field: 'tier', op: 'eq', value: 'lead' }, { field: 'rank', op: 'gte', value: 2 }],
            sort: { field: 'name', direction: 'desc' },
            limit: 1,
          },
          { sort: { field: 'name', direction: 'asc' }, limit: 237 },
        ];
        for (const query of queries) {
          const visited = await everyPage(customers, query);
          const expected = referenceFind(documents, query);
          expect(ids(visited)).toEqual(ids(expected));
          expect(new Set(ids(visited)).size).toBe(visited.length);
          expect(visited).toEqual(expected);
        }
      });

      it('refuses a malformed cursor, or one made for another sort, with InvalidReadQueryError', async () => {
        const customers = await fresh();
        await customers.write({ upserts: Array.from({ length: 5 }, (_, i) => doc(`c-${i}`, 1, { rank: i })) });
        const { nextCursor } = await customers.find({ sort: { field: 'rank', direction: 'asc' }, limit: 2 });
        expect(nextCursor).not.toBeNull();
        expect(ids((await customers.find({ sort: { field: 'rank', direction: 'asc' }, limit: 2, after: nextCursor! })).items)).toEqual(['c-2', 'c-3']);

        const malformed = ['', 'not a cursor', '%%%', Buffer.from('{"id":1}').toString('base64url'), Buffer.from('[1,2').toString('base64url'), `${nextCursor}x`];
        for (const after of malformed) {
          await expect(customers.find({ sort: { field: 'rank', direction: 'asc' }, limit: 2, after })).rejects.toThrow(InvalidReadQueryError);
        }
        await expect(customers.find({ sort: { field: 'rank', direction: 'desc' }, limit: 2, after: nextCursor! })).rejects.toThrow(InvalidReadQueryError);
        await expect(customers.find({ limit: 2, after: nextCursor! })).rejects.toThrow(InvalidReadQueryError);
      });

      it('streams every matching document in sort order, over more than one internal page', async () => {
        const events = await fresh();
        const documents = Array.from({ length: 2_345 }, (_, i) => doc(`e-${String(i).padStart(5, '0')}`, i + 1, { day: i % 31, odd: i % 2 === 1 }));
        await events.write({ upserts: documents });
        const query = { where: [{ field: 'odd', op: 'eq', value: false } as Condition], sort: { field: 'day', direction: 'desc' as const } };

        let streamed = 0;
        const expected = referenceFind(documents, query);
        for await (const document of events.stream(query)) {
          expect(document).toEqual(expected[streamed]);
          streamed++;
        }
        expect(streamed).toBe(expected.length);
        let all = 0;
        for await (const _document of events.stream({})) all++;
        expect(all).toBe(2_345);
      }, 60_000);
    });

    describe('aggregates', () => {
      const sales = [
        doc('s1', 1, { country: 'GB', revenue: { GBP: 10.5 }, items: 2, vip: true }),
        doc('s2', 1, { country: 'GB', revenue: { GBP: 4 }, items: 1, vip: false }),
        doc('s3', 1, { country: 'FR', revenue: { EUR: 7 }, items: 3 }),
        doc('s4', 1, { country: null, revenue: { GBP: 1 }, items: 'three' }),
        doc('s5', 1, { revenue: { GBP: 2.25 }, items: 4, vip: true }),
        doc('s6', 1, { country: 44, revenue: {}, items: 5 }),
        doc('s7', 1, { country: 'de', items: -1, vip: true }),
      ];
      let collection: ReadCollection;

      beforeAll(async () => {
        collection = await fresh();
        await collection.write({ upserts: sales });
      });

      it('counts, with and without conditions', async () => {
        expect(await collection.count()).toBe(7);
        expect(await collection.count([])).toBe(7);
        expect(await collection.count([{ field: 'country', op: 'eq', value: 'GB' }])).toBe(2);
        expect(await collection.count([{ field: 'revenue.GBP', op: 'gt', value: 2 }])).toBe(3);
      });

      it('counts by value: null and missing together first, then numbers, strings, booleans', async () => {
        expect(await collection.countBy('country')).toEqual([
          { value: null, count: 2 },
          { value: 44, count: 1 },
          { value: 'FR', count: 1 },
          { value: 'GB', count: 2 },
          { value: 'de', count: 1 },
        ]);
        expect(await collection.countBy('vip')).toEqual([
          { value: null, count: 3 },
          { value: false, count: 1 },
          { value: true, count: 3 },
        ]);
        expect(await collection.countBy('country', [{ field: 'vip', op: 'eq', value: true }])).toEqual([
          { value: null, count: 1 },
          { value: 'GB', count: 1 },
          { value: 'de', count: 1 },
        ]);
        expect(await collection.countBy('country')).toEqual(referenceCountBy(sales, 'country'));
      });

      it('sums a numeric field by value: missing and non-numbers add 0, nested paths reach in', async () => {
        expect(await collection.sumBy('country', 'revenue.GBP')).toEqual([
          { value: null, count: 2, sum: 3.25 },
          { value: 44, count: 1, sum: 0 },
          { value: 'FR', count: 1, sum: 0 },
          { value: 'GB', count: 2, sum: 14.5 },
          { value: 'de', count: 1, sum: 0 },
        ]);
        expect(await collection.sumBy('vip', 'items', [{ field: 'items', op: 'exists', value: true }])).toEqual([
          { value: null, count: 3, sum: 8 },
          { value: false, count: 1, sum: 1 },
          { value: true, count: 3, sum: 5 },
        ]);
        expect(await collection.sumBy('revenue.GBP', 'items')).toEqual(referenceSumBy(sales, 'revenue.GBP', 'items'));
        expect(await collection.sumBy('country', 'items', [{ field: 'country', op: 'eq', value: 'nowhere' }])).toEqual([]);
      });
    });

    describe('collections', () => {
      it('creates a collection idempotently: a second call keeps its documents and its unique index', async () => {
        const definition = {
          name: 'contract_unique_emails',
          indexes: [
            { name: 'email_unique', fields: [{ field: 'email', direction: 'asc' as const }], unique: true },
            { name: 'by_country_revenue', fields: [{ field: 'country', direction: 'asc' as const }, { field: 'revenue.GBP', direction: 'desc' as const }] },
          ],
        };
        const first = await store.collection(definition);
        await first.write({ upserts: [doc('c-1', 1, { email: 'ada@example.org', country: 'GB' })] });

        const second = await store.collection(definition);
        expect(await second.get('c-1')).toEqual(doc('c-1', 1, { email: 'ada@example.org', country: 'GB' }));
        expect(await outcome(second.write({ upserts: [doc('c-2', 2, { email: 'ada@example.org' })] }))).toBe('rejected');
        expect(await outcome(second.bulkReplace([doc('c-3', 3, { email: 'ada@example.org' })]))).toBe('rejected');
        expect(ids((await second.find({ limit: 10 })).items)).toEqual(['c-1']);
        await second.write({ upserts: [doc('c-1', 4, { email: 'ada@example.com', country: 'GB' })] });
        await second.write({ upserts: [doc('c-2', 5, { email: 'ada@example.org' })] });
        expect(await second.count()).toBe(2);
      });

      it('refuses an index redefined under the same name, and keeps the first definition', async () => {
        const first = { name: 'by_x', fields: [{ field: 'x', direction: 'asc' as const }] };
        await store.collection({ name: 'contract_redefined', indexes: [first] });

        expect(await outcome(store.collection({ name: 'contract_redefined', indexes: [{ ...first, fields: [{ field: 'y', direction: 'asc' }] }] }))).toBe('rejected');
        await expect(store.collection({ name: 'contract_redefined', indexes: [first] })).resolves.toBeDefined();
      });

      it('refuses an invalid collection or index definition with InvalidReadQueryError', async () => {
        const invalid = [
          { name: 'Customers', indexes: [] },
          { name: '1st', indexes: [] },
          { name: 'a-b', indexes: [] },
          { name: 'x"; DROP TABLE y; --', indexes: [] },
          { name: 'projection_checkpoints', indexes: [] },
          { name: 'ok_name', indexes: [{ name: 'bad name', fields: [{ field: 'x', direction: 'asc' }] }] },
          { name: 'ok_name', indexes: [{ name: 'no_fields', fields: [] }] },
          { name: 'ok_name', indexes: [{ name: 'bad_path', fields: [{ field: 'x..y', direction: 'asc' }] }] },
        ] as Parameters<ReadStore['collection']>[0][];
        for (const definition of invalid) await expect(store.collection(definition)).rejects.toThrow(InvalidReadQueryError);
        expect(await store.listCollections()).not.toContain('ok_name');
      });

      it('lists the collections it made, drops one with its documents, and dropping again is harmless', async () => {
        const kept = await store.collection({ name: 'contract_kept', indexes: [] });
        const dropped = await store.collection({ name: 'contract_dropped', indexes: [{ name: 'by_v', fields: [{ field: 'v', direction: 'asc' }] }] });
        await kept.write({ upserts: [doc('k', 1, { v: 1 })] });
        await dropped.write({ upserts: [doc('d', 1, { v: 1 })] });
        await store.saveCheckpoint({ projection: 'listing', position: null, state: 'running', updatedAt: '2024-01-01T00:00:00.000Z', eventsApplied: 0 });

        const listed = await store.listCollections();
        expect(listed).toEqual(expect.arrayContaining(['contract_kept', 'contract_dropped']));
        expect(listed).toEqual([...listed].sort());
        expect(listed).not.toContain('projection_checkpoints');

        await store.dropCollection('contract_dropped');
        await store.dropCollection('contract_dropped');
        await store.dropCollection('contract_never_made');
        expect(await store.listCollections()).not.toContain('contract_dropped');
        expect(await store.listCollections()).toContain('contract_kept');

        const again = await store.collection({ name: 'contract_dropped', indexes: [{ name: 'by_v', fields: [{ field: 'v', direction: 'asc' }] }] });
        expect(await again.count()).toBe(0);
        expect(await kept.get('k')).toEqual(doc('k', 1, { v: 1 }));
      });
    });

    describe('checkpoints', () => {
      const running: ProjectionCheckpoint = {
        projection: 'customer-360',
        collection: 'customer_360_v1',
        position: at(42),
        state: 'running',
        updatedAt: '2024-05-01T10:00:00.000Z',
        eventsApplied: 42,
      };
      const failed: ProjectionCheckpoint = {
        projection: 'sales-by-month',
        position: at(7),
        state: 'failed',
        error: {
          eventId: '0b8f6a1e-2d4c-4c55-9a7e-1f0d2f3b4c5d',
          eventType: 'OrderPlaced',
          streamId: 'customer-c-1',
          position: at(8),
          message: 'amount is not a number',
          at: '2024-05-01T10:00:01.000Z',
        },
        updatedAt: '2024-05-01T10:00:01.000Z',
        eventsApplied: 7,
      };

      it('saves, loads, overwrites, lists by projection and deletes checkpoints, the error included', async () => {
        expect(await store.loadCheckpoint('nobody')).toBeNull();
        await store.saveCheckpoint(failed);
        await store.saveCheckpoint({ ...running, position: null, state: 'catching-up', eventsApplied: 0, indexesPending: true });
        expect(await store.loadCheckpoint('customer-360')).toMatchObject({ indexesPending: true });
        await store.saveCheckpoint(running);
        expect(Object.keys((await store.loadCheckpoint('customer-360'))!)).not.toContain('indexesPending');

        expect(await store.loadCheckpoint('customer-360')).toEqual(running);
        expect(await store.loadCheckpoint('sales-by-month')).toEqual(failed);
        // A checkpoint saved without its collection (by an older version) loads without one.
        expect(Object.keys((await store.loadCheckpoint('sales-by-month'))!)).not.toContain('collection');
        const listed = (await store.listCheckpoints()).filter((c) => c.projection !== 'listing');
        expect(listed).toEqual([running, failed]);

        await store.saveCheckpoint({ ...failed, state: 'stopped', error: undefined });
        expect(await store.loadCheckpoint('sales-by-month')).toEqual({ ...failed, state: 'stopped', error: undefined });
        expect(Object.keys((await store.loadCheckpoint('sales-by-month'))!)).not.toContain('error');

        await store.deleteCheckpoint('customer-360');
        await store.deleteCheckpoint('customer-360');
        expect(await store.loadCheckpoint('customer-360')).toBeNull();
        expect((await store.listCheckpoints()).map((c) => c.projection)).not.toContain('customer-360');
      });
    });

    describe('agreement with the reference semantics', () => {
      it('gives the ids of random queries over random documents in the reference order, page by page', async () => {
        const random = seededRandom(20240501);
        const documents = Array.from({ length: 200 }, (_, i) => randomDocument(random, i));
        const collection = await fresh([
          { name: 'by_n', fields: [{ field: 'n', direction: 'asc' }] },
          { name: 'by_s', fields: [{ field: 's', direction: 'desc' }] },
          { name: 'by_nested_x', fields: [{ field: 'nested.x', direction: 'asc' }] },
        ]);
        await collection.write({ upserts: documents });

        for (let q = 0; q < 100; q++) {
          const query = randomQuery(random);
          const expected = ids(referenceFind(documents, query));
          const context = JSON.stringify(query);
          expect({ query: context, ids: ids(await everyPage(collection, query)) }).toEqual({ query: context, ids: expected });
          if (q % 4 === 0) {
            expect({ query: context, count: await collection.count(query.where) }).toEqual({ query: context, count: expected.length });
            const field = (['n', 's', 'flag', 'nested.x', 'nested.y'] as const)[q % 5];
            expect({ query: context, field, groups: await collection.countBy(field, query.where) }).toEqual({
              query: context,
              field,
              groups: referenceCountBy(documents, field, query.where),
            });
            expect({ query: context, field, groups: await collection.sumBy(field, 'n', query.where) }).toEqual({
              query: context,
              field,
              groups: referenceSumBy(documents, field, 'n', query.where),
            });
          }
        }
      }, 120_000);
    });

    describe('lifecycle', () => {
      it('keeps documents and checkpoints across a restart, and refuses calls once closed', async () => {
        const own = await factory();
        try {
          const customers = await own.store.collection({ name: 'contract_durable', indexes: [{ name: 'by_v', fields: [{ field: 'v', direction: 'asc' }] }] });
          await customers.write({ upserts: [doc('c-1', 1, { v: 1 }), doc('c-2', 2, { v: 2 })] });
          await customers.write({ deletes: [{ id: 'c-2', position: at(3) }] });
          const checkpoint: ProjectionCheckpoint = { projection: 'durable', position: at(3), state: 'stopped', updatedAt: '2024-01-01T00:00:00.000Z', eventsApplied: 3 };
          await own.store.saveCheckpoint(checkpoint);
          await own.store.close();
          await own.store.close();

          await expect(own.store.listCollections()).rejects.toThrow(ReadStoreUnavailableError);
          await expect(own.store.loadCheckpoint('durable')).rejects.toThrow(ReadStoreUnavailableError);
          await expect(customers.get('c-1')).rejects.toThrow(ReadStoreUnavailableError);
          await expect(customers.find({ limit: 1 })).rejects.toThrow(ReadStoreUnavailableError);
          await expect(customers.write({ upserts: [doc('c-3', 4, {})] })).rejects.toThrow(ReadStoreUnavailableError);

          const reopened = await own.reopen();
          try {
            expect(await reopened.listCollections()).toEqual(['contract_durable']);
            const again = await reopened.collection({ name: 'contract_durable', indexes: [{ name: 'by_v', fields: [{ field: 'v', direction: 'asc' }] }] });
            expect((await again.find({ limit: 10 })).items).toEqual([doc('c-1', 1, { v: 1 })]);
            expect(await reopened.loadCheckpoint('durable')).toEqual(checkpoint);
          } finally {
            await reopened.close();
          }
        } finally {
          await own.cleanup();
        }
      });
    });
  });
}

/**
 * Whether a call failed, whatever it failed with. Not `rejects.toThrow()`: a native driver (better-sqlite3) loaded
 * by an earlier test file in the same Jest worker throws errors of that file's realm, which `toThrow` does not see
 * as errors ("did not throw") although the call did fail.
 */
async function outcome(call: Promise<unknown>): Promise<'resolved' | 'rejected'> {
  return call.then(
    () => 'resolved',
    () => 'rejected',
  );
}
