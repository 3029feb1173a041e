import { Clock } from '@cdp/projection-engine';
import { ReadDocument } from '@cdp/read-store';
import { bucketOf, MembershipChange } from '@cdp/segments';
import { AudienceStores } from './audience-stores';
import { CustomerSegmentsDocument } from './customer-segments-document';
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

  async flush(customers: readonly PendingCustomer[], stamp: string, segments: readonly SegmentDocument[]): Promise<void> {
    const changes: MembershipChange[] = customers.flatMap((customer) => customer.changes);
    if (changes.length > 0) {
      await this.sink?.publish(changes);
      await this.stores.changes.bulkReplace(changes.map((change) => ({ id: change.changeId, position: stamp, body: change })));
    }
    const members: KeyedBucketChanges = new Map();
    const postings: KeyedBucketChanges = new Map();
    const memberships: ReadDocument<CustomerSegmentsDocument>[] = [];
    const profiles: PendingCustomer['profile'][] = [];
    for (const customer of customers) {
      const bucket = bucketOf(customer.customerId);
      for (const [segmentId, change] of customer.memberChanges) addBucketChange(members, segmentId, bucket, change);
      for (const [key, change] of customer.postingChanges) addBucketChange(postings, key, bucket, change);
      if (customer.memberships) memberships.push({ id: customer.customerId, position: stamp, body: customer.memberships });
      if (customer.profile) profiles.push(customer.profile);
    }
    const sizes = await this.stores.members.apply(members, stamp);
    await this.stores.postings.apply(postings, stamp);
    if (memberships.length > 0) await this.stores.memberships.bulkReplace(memberships);
    if (profiles.length > 0) await this.stores.profiles.write({ upserts: profiles as ReadDocument<never>[] });
    const resized = new Set<string>();
    for (const [segmentId, bucketSizes] of sizes) {
      const known = this.bucketSizes.get(segmentId) ?? new Map<number, number>();
      for (const [bucket, size] of bucketSizes) known.set(bucket, size);
      this.bucketSizes.set(segmentId, known);
      resized.add(segmentId);
    }
    for (const segment of segments) resized.add(segment.segment.segmentId);
    await this.writeSegments(segments, stamp);
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
