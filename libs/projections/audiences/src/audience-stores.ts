import { Customer360Document } from '@cdp/customer-360';
import { CollectionDefinition, ReadCollection, ReadStore } from '@cdp/read-store';
import { MembershipChange } from '@cdp/segments';
import {
  audienceProfilesCollection,
  customerSegmentsCollection,
  membershipChangesCollection,
  segmentMembersCollection,
  segmentSizesCollection,
  segmentsCollection,
  suppressionPostingsCollection,
} from './audience-collections';
import { AudienceProfile } from './audience-profile';
import { CustomerSegmentsDocument } from './customer-segments-document';
import { BucketDocument } from './bucket-document';
import { KeyedBuckets } from './keyed-buckets';
import { SegmentDocument } from './segment-document';

/** A segment's size at the end of a day (UTC), or so far today. */
export type SegmentSizeDocument = { segmentId: string; day: string; size: number; at: string };

/** The read models of audiences, opened on a read store. */
export class AudienceStores {
  private constructor(
    readonly profiles: ReadCollection<AudienceProfile>,
    readonly memberships: ReadCollection<CustomerSegmentsDocument>,
    readonly segments: ReadCollection<SegmentDocument>,
    readonly members: KeyedBuckets,
    readonly postings: KeyedBuckets,
    readonly changes: ReadCollection<MembershipChange>,
    readonly sizes: ReadCollection<SegmentSizeDocument>,
    readonly customer360: ReadCollection<Customer360Document>,
  ) {}

  static async open(readStore: ReadStore, customer360: CollectionDefinition): Promise<AudienceStores> {
    return new AudienceStores(
      await readStore.collection<AudienceProfile>(audienceProfilesCollection),
      await readStore.collection<CustomerSegmentsDocument>(customerSegmentsCollection),
      await readStore.collection<SegmentDocument>(segmentsCollection),
      new KeyedBuckets(await readStore.collection<BucketDocument>(segmentMembersCollection)),
      new KeyedBuckets(await readStore.collection<BucketDocument>(suppressionPostingsCollection)),
      await readStore.collection<MembershipChange>(membershipChangesCollection),
      await readStore.collection<SegmentSizeDocument>(segmentSizesCollection),
      await readStore.collection<Customer360Document>(customer360),
    );
  }
}
