import { Clock } from '@cdp/projection-engine';
import { ReadDocument } from '@cdp/read-store';
import { bucketOf, MembershipChange } from '@cdp/segments';
import { AudienceStores } from './audience-stores';
import { CustomerSegmentsDocument, withOutbox } from './customer-segments-document';
import { addBucketChange, KeyedBucketChanges } from './keyed-buckets';
import { MembershipChangeSink } from './membership-change-sink';
import { PendingCustomer } from './pending-writes';
import { SegmentDocument } from './segment-document';

/**
 * Writes decisions, in the order that makes a crash harmless: each write is idempotent, and what a later write
 * stands for (a customer's memberships, their profile) is only written once what derives from it is.
 */
export class AudienceFlush {
  /** Each segment's bucket sizes, as last written: the segment's size is their sum. */
  private readonly bucketSizes = new Map<string, Map<number, number>>();

  constructor(
    private readonly stores: AudienceStores,
    private readonly sink: MembershipChangeSink | undefined,
    private readonly clock: Clock,
  ) {}

  async loadSizes(segmentIds: readonly string[]): Promise<void> {
    this.bucketSizes.clear();
    for (const segmentId of segmentIds) this.bucketSizes.set(segmentId, await this.stores.members.bucketSizes(segmentId));
  }

  sizeOf(segmentId: string): number {
    let total = 0;
    for (const size of this.bucketSizes.get(segmentId)?.values() ?? []) total += size;
    return total;
  }

  /**
   * Writes what is decided, in an order that makes a crash or a failure anywhere harmless:
   * 1. the suppression postings (idempotent, derived from the profiles' logs as they are about to be written);
   * 2. the memberships, each with the changes decided with it in its outbox: from here the decision is durable;
   * 3. the profiles (guarded by position);
   * 4. the outboxes applied: changes published, recorded, applied to the member sets, then the outboxes emptied;
   * 5. the segments' progress.
   * A restart applies the outboxes a failure left (`applyUnappliedChanges`) before it decides anything.
   */
  async flush(customers: readonly PendingCustomer[], stamp: string, segments: readonly SegmentDocument[]): Promise<void> {
    const postings: KeyedBucketChanges = new Map();
    const memberships: ReadDocument<CustomerSegmentsDocument>[] = [];
    const profiles: PendingCustomer['profile'][] = [];
    for (const customer of customers) {
      const bucket = bucketOf(customer.customerId);
      for (const [key, change] of customer.postingChanges) addBucketChange(postings, key, bucket, change);
      if (customer.memberships) memberships.push({ id: customer.customerId, position: stamp, body: withOutbox(customer.memberships, customer.changes) });
      if (customer.profile) profiles.push(customer.profile);
    }
    await this.stores.postings.apply(postings, stamp);
    if (memberships.length > 0) await this.stores.memberships.bulkReplace(memberships);
    if (profiles.length > 0) await this.stores.profiles.write({ upserts: profiles as ReadDocument<never>[] });
    await this.applyOutboxes(
      memberships.filter((document) => document.body.outbox !== undefined),
      stamp,
      segments.map((document) => document.segment.segmentId),
    );
    // Last: a segment reads as active only once its members are in its buckets. A crash before re-evaluates a page
    // from the saved cursor, which decides nothing new.
    await this.writeSegments(segments, stamp);
  }

  /** The outboxes a crash or a failure left, applied before the worker decides anything again. */
  async applyUnappliedChanges(stamp: string): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await this.stores.memberships.find({ where: [{ field: 'unappliedChanges', op: 'gt', value: 0 }], limit: 500 });
      if (page.items.length === 0) return applied;
      await this.applyOutboxes(page.items, stamp, []);
      applied += page.items.length;
    }
  }

  /** Publishes, records and applies to the member sets the changes of these outboxes, then empties them. */
  private async applyOutboxes(documents: readonly ReadDocument<CustomerSegmentsDocument>[], stamp: string, touchedSegments: readonly string[]): Promise<void> {
    const changes: MembershipChange[] = documents.flatMap((document) => document.body.outbox ?? []);
    const resized = new Set<string>(touchedSegments);
    if (changes.length > 0) {
      await this.sink?.publish(changes);
      await this.stores.changes.bulkReplace(changes.map((change) => ({ id: change.changeId, position: stamp, body: change })));
      const members: KeyedBucketChanges = new Map();
      // In decision order: the last change of a customer in a segment is where it stands.
      for (const change of changes) {
        const bucket = bucketOf(change.customerId);
        addBucketChange(members, change.segmentId, bucket, change.change === 'entered' ? { customerId: change.customerId, value: null } : { customerId: change.customerId, value: null, remove: true });
      }
      for (const [segmentId, bucketSizes] of await this.stores.members.apply(members, stamp)) {
        const known = this.bucketSizes.get(segmentId) ?? new Map<number, number>();
        for (const [bucket, size] of bucketSizes) known.set(bucket, size);
        this.bucketSizes.set(segmentId, known);
        resized.add(segmentId);
      }
      await this.stores.memberships.bulkReplace(documents.map((document) => ({ ...document, position: stamp, body: withOutbox(document.body, []) })));
    }
    await this.writeSizes([...resized], stamp);
  }

  private async writeSegments(segments: readonly SegmentDocument[], stamp: string): Promise<void> {
    if (segments.length === 0) return;
    await this.stores.segments.bulkReplace(segments.map((document) => ({ id: document.segment.segmentId, position: stamp, body: document })));
  }

  /** Today's size of each segment whose size may have changed (the last write of a day stays as that day's size). */
  private async writeSizes(segmentIds: readonly string[], stamp: string): Promise<void> {
    if (segmentIds.length === 0) return;
    const at = new Date(this.clock.now()).toISOString();
    const day = at.slice(0, 10);
    await this.stores.sizes.bulkReplace(
      segmentIds.map((segmentId) => ({ id: `${segmentId}|${day}`, position: stamp, body: { segmentId, day, size: this.sizeOf(segmentId), at } })),
    );
  }
}
