import { CollectionDefinition } from '@cdp/read-store';

const byKeyAndBucket = [{ name: 'key_bucket', fields: [{ field: 'key', direction: 'asc' }, { field: 'bucket', direction: 'asc' }] }] as const;

/** Per customer: the 360° facts segments read, the behaviour log and the suppression log. */
export const audienceProfilesCollection: CollectionDefinition = { name: 'audience_profiles_v1', indexes: [] };

/** Per customer: current segment memberships, and when time alone may change one. */
export const customerSegmentsCollection: CollectionDefinition = {
  name: 'customer_segments_v1',
  indexes: [
    { name: 'next_check_at', fields: [{ field: 'nextCheckAt', direction: 'asc' }] },
    { name: 'unapplied_changes', fields: [{ field: 'unappliedChanges', direction: 'asc' }] },
  ],
};

/** Per segment: its definition, status and the progress of its evaluation over every customer. */
export const segmentsCollection: CollectionDefinition = { name: 'segments_v1', indexes: [] };

/** Members of each segment, in keyed buckets (key: the segment id; value: since when). */
export const segmentMembersCollection: CollectionDefinition = { name: 'segment_members_v1', indexes: byKeyAndBucket };

/** The suppression postings by consent, product and category, in keyed buckets (value: the customer's posting). */
export const suppressionPostingsCollection: CollectionDefinition = { name: 'suppression_postings_v1', indexes: byKeyAndBucket };

/** Every entering and leaving, by change id: a customer's segment history. */
export const membershipChangesCollection: CollectionDefinition = {
  name: 'segment_membership_changes_v1',
  indexes: [
    { name: 'customer_at', fields: [{ field: 'customerId', direction: 'asc' }, { field: 'at', direction: 'asc' }] },
    { name: 'segment_at', fields: [{ field: 'segmentId', direction: 'asc' }, { field: 'at', direction: 'asc' }] },
  ],
};

/** Each segment's size at the end of each day (the latest size of the day so far for today). */
export const segmentSizesCollection: CollectionDefinition = {
  name: 'segment_sizes_v1',
  indexes: [{ name: 'segment_day', fields: [{ field: 'segmentId', direction: 'asc' }, { field: 'day', direction: 'asc' }] }],
};

/** The checkpoint name of the audiences worker. */
export const audiencesProjectionName = 'audiences';
