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

  /** @param as `writer` for the audiences worker (its one writer), `reader` anywhere else. */
  static async open(readStore: ReadStore, customer360: CollectionDefinition, as: 'writer' | 'reader' = 'reader'): Promise<AudienceStores> {
    const options = { writer: as === 'writer' };
    return new AudienceStores(
      await readStore.collection<AudienceProfile>(audienceProfilesCollection, options),
      await readStore.collection<CustomerSegmentsDocument>(customerSegmentsCollection, options),
      await readStore.collection<SegmentDocument>(segmentsCollection, options),
      new KeyedBuckets(await readStore.collection<BucketDocument>(segmentMembersCollection, options)),
      new KeyedBuckets(await readStore.collection<BucketDocument>(suppressionPostingsCollection, options)),
      await readStore.collection<MembershipChange>(membershipChangesCollection, options),
      await readStore.collection<SegmentSizeDocument>(segmentSizesCollection, options),
      // The 360° view is the customer-360 projection's: the worker only reads it.
      await readStore.collection<Customer360Document>(customer360),
    );
  }
}
