import { BucketDocument, KeyedBuckets } from '@cdp/audiences';
import { CollectionDefinition, ReadCollection, ReadStore } from '@cdp/read-store';
import { AudienceSummary } from './audience-summary';

export const campaignAudiencesCollection: CollectionDefinition = {
  name: 'campaign_audiences_v1',
  indexes: [{ name: 'campaign_computed_at', fields: [{ field: 'campaignId', direction: 'asc' }, { field: 'computedAt', direction: 'asc' }] }],
};

/** The members of each computed audience, and the members it left out with their reasons: keyed buckets. */
export const campaignAudienceSetsCollection: CollectionDefinition = {
  name: 'campaign_audience_sets_v1',
  indexes: [{ name: 'key_bucket', fields: [{ field: 'key', direction: 'asc' }, { field: 'bucket', direction: 'asc' }] }],
};

export const audienceKey = (audienceId: string): string => `${audienceId}/audience`;
export const excludedKey = (audienceId: string): string => `${audienceId}/excluded`;

/** Audiences as computed, kept so that what is exported is exactly what was computed and counted. */
export class AudienceSnapshots {
  private constructor(
    readonly summaries: ReadCollection<AudienceSummary>,
    readonly sets: KeyedBuckets,
  ) {}

  static async open(store: ReadStore): Promise<AudienceSnapshots> {
    return new AudienceSnapshots(
      await store.collection<AudienceSummary>(campaignAudiencesCollection),
      new KeyedBuckets(await store.collection<BucketDocument>(campaignAudienceSetsCollection)),
    );
  }
}
