import { bucketOf } from '@cdp/segments';
import { AudiencesHarness, countingProfilePages, interceptedWrites, ManualClock } from './testing/audiences.harness';
// The tests run on the real embedded read store; the worker itself imports no adapter.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { join } from 'node:path';
import { ReadStore } from '@cdp/read-store';

const day = (n: number) => Date.UTC(2025, 0, 1) + n * 86_400_000;
const iso = (n: number) => new Date(day(n)).toISOString();
const order = (orderId: string, productId: string, category?: string) => ({
  orderId,
  lines: [{ productId, sku: productId, quantity: 1, unitPrice: 2.5, currency: 'GBP', ...(category ? { category } : {}) }],
});
const consent = { channel: 'email', purpose: 'marketing' };

describe('the audiences worker', () => {
  let clock: ManualClock;
  let harness: AudiencesHarness;

  beforeEach(() => {
    clock = new ManualClock(day(10));
    harness = new AudiencesHarness(clock);
  });

  afterEach(() => harness.close());

  it('re-evaluates a customer on each of their events, and records entering and leaving with the event that caused it', async () => {
    await harness.start();
    await harness.defineSegment('consenting', { consent: { channel: 'email' } });
    await harness.append('ann', 'CustomerRegistered', { partyKind: 'customer', channel: 'web' }, iso(1));
    await harness.settle();
    expect(await harness.members('consenting')).toEqual([]);

    const granted = await harness.append('ann', 'ConsentGranted', consent, iso(2));
    await harness.settle();
    expect(await harness.members('consenting')).toEqual(['ann']);
    const withdrawn = await harness.append('ann', 'ConsentWithdrawn', consent, iso(3));
    await harness.settle();
    expect(await harness.members('consenting')).toEqual([]);
    expect((await harness.history('ann')).map(({ change, cause }) => ({ change, cause: cause.kind === 'event' ? cause.position : cause }))).toEqual([
      { change: 'entered', cause: granted },
      { change: 'left', cause: withdrawn },
    ]);
    expect(harness.sink.published.map((change) => change.change)).toEqual(['entered', 'left']);
  });

  it('lets "bought in the last 30 days" expire on day 31 with no new event, at the moment it was due', async () => {
    await harness.start();
    await harness.defineSegment('recent-buyers', { bought: { product: '85123A', withinDays: 30 } });
    await harness.append('bob', 'OrderPlaced', order('o1', '85123A'), iso(5));
    await harness.settle();
    expect(await harness.members('recent-buyers')).toEqual(['bob']);
    expect(await harness.membershipsOf('bob')).toMatchObject({ nextCheckAt: new Date(day(35) + 1).toISOString() });

    clock.set(day(35));
    await harness.settle();
    expect(await harness.members('recent-buyers')).toEqual(['bob']);
    clock.set(day(35) + 1);
    await harness.settle();
    expect(await harness.members('recent-buyers')).toEqual([]);
    const [, left] = await harness.history('bob');
    expect(left).toMatchObject({ change: 'left', at: new Date(day(35) + 1).toISOString(), cause: { kind: 'time', dueAt: new Date(day(35) + 1).toISOString() } });
    expect(await harness.membershipsOf('bob')).toMatchObject({ segments: {}, nextCheckAt: null });
  });

  it('evaluates a new segment over every existing customer, with its progress, and gets what an evaluation from scratch gets', async () => {
    await harness.start('read-models', { customersPerPass: 7, evaluationFlushCustomers: 20 });
    const buyers = Array.from({ length: 60 }, (_, index) => `c${String(index).padStart(3, '0')}`);
    for (const [index, customerId] of buyers.entries()) {
      await harness.append(customerId, 'OrderPlaced', order(`o${index}`, index % 3 === 0 ? 'LAMP' : 'MUG', index % 3 === 0 ? 'lighting' : 'kitchen'), iso(index % 9));
    }
    await harness.settle();
    await harness.defineSegment('lighting-buyers', { bought: { category: 'lighting', withinDays: 30 } });
    // Live evaluation goes on while the new segment is evaluated: a customer buys a lamp meanwhile.
    await harness.append('c001', 'OrderPlaced', order('late', 'LAMP', 'lighting'), iso(9));
    await harness.settle();
    const expected = buyers.filter((_, index) => index % 3 === 0 || index === 1);
    expect(await harness.members('lighting-buyers')).toEqual(expected);
    const causes = new Set((await harness.history('c000')).map((change) => change.cause.kind));
    expect(causes).toEqual(new Set(['definition']));
    expect((await harness.history('c001')).map((change) => change.cause.kind)).toEqual(['event']);
    const segment = (await harness.stores.segments.get('lighting-buyers'))?.body;
    expect(segment).toMatchObject({ status: 'active', evaluation: { version: 1, evaluated: 60, total: 60, finishedAt: expect.any(String) } });

    // From scratch: a second read store rebuilt from the first event, at the same moment.
    await harness.stop();
    await harness.start('rebuilt');
    await harness.settle();
    expect(await harness.members('lighting-buyers')).toEqual(expected);
  });

  it('evaluates segments defined together in one pass over the customers', async () => {
    let profilePages = 0;
    const counting: AudiencesHarness = new AudiencesHarness(clock, async (name): Promise<ReadStore> => countingProfilePages(await openEmbeddedReadStore({ file: join(counting.dataDir, `${name}.sqlite`) }), () => profilePages++));
    try {
      await counting.start('read-models', { customersPerPass: 5 });
      for (let index = 0; index < 20; index++) await counting.append(`c${String(index).padStart(2, '0')}`, 'OrderPlaced', order(`o${index}`, index % 2 === 0 ? 'LAMP' : 'MUG'), iso(1));
      await counting.settle();
      // Both definitions reach the worker in one batch, as they do when an analyst defines several at once.
      await counting.stop();
      await counting.defineSegment('lamps', { bought: { product: 'LAMP', withinDays: 30 } });
      await counting.defineSegment('mugs', { bought: { product: 'MUG', withinDays: 30 } });
      profilePages = 0;
      await counting.start('read-models', { customersPerPass: 5 });
      await counting.settle();
      expect((await counting.members('lamps')).length).toBe(10);
      expect((await counting.members('mugs')).length).toBe(10);
      for (const segmentId of ['lamps', 'mugs']) {
        expect((await counting.stores.segments.get(segmentId))?.body).toMatchObject({ status: 'active', evaluation: { evaluated: 20, total: 20 } });
      }
      expect(profilePages).toBe(4);
    } finally {
      await counting.close();
    }
  });

  it('takes live events between the pages of an evaluation, not after it', async () => {
    await harness.start('read-models', { customersPerPass: 1, evaluationFlushCustomers: 1_000_000 });
    for (let index = 0; index < 400; index++) await harness.append(`c${String(index).padStart(3, '0')}`, 'OrderPlaced', order(`o${index}`, 'MUG'), iso(1));
    await harness.settle();
    await harness.defineSegment('mug-buyers', { bought: { product: 'MUG', withinDays: 30 } });
    const evaluating = async () => (await harness.stores.segments.get('mug-buyers'))?.body.status === 'evaluating';
    const started = Date.now();
    while (!(await evaluating()) && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 2));
    await harness.append('late', 'OrderPlaced', order('o-late', 'MUG'), iso(2));
    while ((await harness.stores.profiles.get('late')) === null) await new Promise((resolve) => setTimeout(resolve, 2));
    // Its decisions are not written until the evaluation ends (the flush threshold is out of reach): it is still going.
    expect(await evaluating()).toBe(true);
    await harness.settle();
    expect(await harness.members('mug-buyers')).toHaveLength(401);
  });

  it('writes the decisions of an evaluation when its segment is archived half way, and publishes none after', async () => {
    await harness.start('read-models', { customersPerPass: 1, evaluationFlushCustomers: 1_000_000 });
    for (let index = 0; index < 300; index++) await harness.append(`c${String(index).padStart(3, '0')}`, 'OrderPlaced', order(`o${index}`, 'MUG'), iso(1));
    await harness.settle();
    await harness.defineSegment('mug-buyers', { bought: { product: 'MUG', withinDays: 30 } });
    while ((await harness.stores.segments.get('mug-buyers'))?.body.status !== 'evaluating') await new Promise((resolve) => setTimeout(resolve, 2));
    await harness.archiveSegment('mug-buyers');
    await harness.settle();
    const members = await harness.members('mug-buyers');
    expect(members.length).toBeGreaterThan(0);
    expect(members.length).toBeLessThan(300);
    const entered = harness.sink.published.filter((change) => change.segmentId === 'mug-buyers').map((change) => change.customerId).sort();
    expect(entered).toEqual(members);
    // Nothing more comes for it: a live event of a customer it never reached changes nothing.
    await harness.append('c299', 'OrderPlaced', order('o-again', 'MUG'), iso(2));
    await harness.settle();
    expect(await harness.members('mug-buyers')).toEqual(members);
  });

  it('makes members who no longer match a redefinition leave, and freezes an archived segment', async () => {
    await harness.start();
    await harness.append('ann', 'CustomerProfileUpdated', { address: { country: 'FR' } }, iso(1));
    await harness.append('bob', 'CustomerProfileUpdated', { address: { country: 'BE' } }, iso(1));
    await harness.defineSegment('benelux-and-france', { field: 'country', op: 'in', values: ['FR', 'BE'] });
    await harness.settle();
    expect(await harness.members('benelux-and-france')).toEqual(['ann', 'bob']);
    await harness.defineSegment('benelux-and-france', { field: 'country', op: 'eq', value: 'FR' }, 'RedefineSegment');
    await harness.settle();
    expect(await harness.members('benelux-and-france')).toEqual(['ann']);
    expect((await harness.history('bob')).map(({ change, segmentVersion, cause }) => [change, segmentVersion, cause])).toEqual([
      ['entered', 1, { kind: 'definition', version: 1 }],
      ['left', 2, { kind: 'definition', version: 2 }],
    ]);
    expect(await harness.membershipsOf('ann')).toMatchObject({ segments: { 'benelux-and-france': { version: 2 } } });

    await harness.archiveSegment('benelux-and-france');
    await harness.append('ann', 'CustomerProfileUpdated', { address: { country: 'DE' } }, iso(2));
    await harness.settle();
    expect(await harness.members('benelux-and-france')).toEqual(['ann']);
    expect((await harness.stores.segments.get('benelux-and-france'))?.body.status).toBe('archived');
  });

  it('files returns, complaints and consents under the keys audiences read', async () => {
    await harness.start();
    await harness.append('cy', 'OrderPlaced', order('o1', 'LAMP', 'lighting'), iso(1));
    await harness.append('cy', 'ConsentGranted', consent, iso(1));
    await harness.append('cy', 'ReturnRequested', { returnId: 'r1', productId: 'LAMP', quantity: 1, reason: 'damaged', channel: 'web' }, iso(2));
    await harness.settle();
    const keys = async (key: string) => {
      const found: string[] = [];
      for await (const bucket of harness.stores.postings.buckets(key)) found.push(...bucket.ids);
      return found;
    };
    expect(await keys('product:LAMP')).toEqual(['cy']);
    expect(await keys('category:lighting')).toEqual(['cy']);
    expect(await keys('consent:email/marketing')).toEqual(['cy']);
    await harness.append('cy', 'ConsentWithdrawn', consent, iso(3));
    await harness.settle();
    const [bucket] = await harness.stores.postings.bucketOfKeys(['consent:email/marketing'], bucketOf('cy'));
    expect(bucket.values[0]).toMatchObject({ entries: [{ type: 'ConsentGranted' }, { type: 'ConsentWithdrawn' }] });
  });

  describe.each([
    { failing: 'customer_segments_v1', what: 'before the decision is durable', history: [] as string[] },
    { failing: 'audience_profiles_v1', what: 'after the decision is durable', history: ['entered', 'left'] },
  ])('when a write fails $what, and the retry decides otherwise', ({ failing: collection, history }) => {
    it('ends with the history, the published changes, the members and the memberships telling the same story', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let armed = false;
      const flaky: AudiencesHarness = new AudiencesHarness(clock, async (name): Promise<ReadStore> =>
        interceptedWrites(await openEmbeddedReadStore({ file: join(flaky.dataDir, `${name}.sqlite`) }), collection, async () => {
          if (!armed) return;
          armed = false;
          // Held until the test has appended more, then failed: the retry reads both events in one batch.
          await held;
          throw new Error('disk I/O error');
        }),
      );
      try {
        await flaky.start();
        await flaky.defineSegment('recent-buyers', { bought: { product: 'LAMP', withinDays: 30 } });
        await flaky.settle();
        armed = true;
        await flaky.append('eve', 'OrderPlaced', order('o1', 'LAMP'), iso(5));
        await new Promise((resolve) => setTimeout(resolve, 100));
        await flaky.append('eve', 'OrderCancelled', { orderId: 'o1' }, iso(6));
        release();
        await flaky.settle();
        expect(await flaky.members('recent-buyers')).toEqual([]);
        expect((await flaky.membershipsOf('eve'))?.segments ?? {}).toEqual({});
        expect((await flaky.history('eve')).map((change) => change.change)).toEqual(history);
        const published = new Map(flaky.sink.published.map((change) => [change.changeId, change.change]));
        expect([...published.values()]).toEqual(history);
      } finally {
        await flaky.close();
      }
    });
  });

  it('publishes again, with the same ids, what a failure interrupted; the history keeps each change once', async () => {
    let failures = 1;
    const flaky = {
      published: [] as string[],
      async publish(changes: readonly { changeId: string }[]) {
        flaky.published.push(...changes.map((change) => change.changeId));
        // The broker took them, then the connection dropped before the acknowledgement.
        if (failures-- > 0) throw new Error('connection reset');
      },
    };
    await harness.start('read-models', { sink: flaky as never });
    await harness.defineSegment('consenting', { consent: { channel: 'email' } });
    await harness.append('dee', 'ConsentGranted', consent, iso(1));
    await harness.settle();
    expect(flaky.published).toHaveLength(2);
    expect(new Set(flaky.published).size).toBe(1);
    expect(await harness.history('dee')).toHaveLength(1);
    expect(await harness.members('consenting')).toEqual(['dee']);
  });
});
