import { Inject, Injectable } from '@nestjs/common';
import { AudienceStores, audiencesProjectionName } from '@cdp/audiences';
import { addAudienceCounts, Campaign, campaignPostingKeys, decideAudienceBucket, emptyAudienceCounts, SuppressionRules } from '@cdp/campaigns';
import { bucketCount, IdBucket } from '@cdp/segments';
import { randomUUID } from 'node:crypto';
import { AUDIENCE_STORES } from '../../projections/projection-tokens';
import { READ_STORE } from '../../read-store/read-store.token';
import { SEALED_EVENT_STORE } from '../../event-store/event-store.token';
import { SegmentReader } from '../../segments/segment-reader';
import { ReadStore } from '@cdp/read-store';
import { EventStore } from '@cdp/event-store';
import { SUPPRESSION_RULES } from '../suppression-rules.token';
import { AudienceSegmentNotReadyError } from './audience-errors';
import { audienceKey, AudienceSnapshots, excludedKey } from './audience-snapshots';
import { AUDIENCE_SNAPSHOTS } from './audience-snapshots.token';
import { AudienceSummary } from './audience-summary';

/** Buckets decided between two writes: a few MB of an audience in memory at most, whatever its size. */
const bucketsPerChunk = 32;

/**
 * An audience: the members of the campaign's segment, each decided by the suppression rule at `asOf` over its
 * postings under the campaign's keys (the same rule and facts as one customer's eligibility). Bucket by bucket, in
 * constant memory; the audience and the excluded members, with their reasons, are kept for export.
 */
@Injectable()
export class AudienceComputation {
  constructor(
    @Inject(AUDIENCE_STORES) private readonly audiences: AudienceStores,
    @Inject(AUDIENCE_SNAPSHOTS) private readonly snapshots: AudienceSnapshots,
    @Inject(SUPPRESSION_RULES) private readonly rules: SuppressionRules,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(SEALED_EVENT_STORE) private readonly eventStore: EventStore,
    private readonly segments: SegmentReader,
  ) {}

  async compute(campaign: Campaign, asOf: Date): Promise<AudienceSummary> {
    const started = performance.now();
    const [checkpoint, headPosition] = await Promise.all([this.readStore.loadCheckpoint(audiencesProjectionName), this.eventStore.headPosition()]);
    const segment = await this.audiences.segments.get(campaign.audienceSegmentId);
    if (!segment) {
      throw new AudienceSegmentNotReadyError(
        `the campaign's audience segment ${campaign.audienceSegmentId} is not defined (or not yet seen by the audiences worker): define it with POST /v1/segments`,
      );
    }
    const { status, evaluation } = segment.body;
    const defined = await this.segments.definition(campaign.audienceSegmentId);
    if (segment.body.segment.version < defined.version) {
      throw new AudienceSegmentNotReadyError(
        `segment ${campaign.audienceSegmentId} was redefined (version ${defined.version}) and the audiences worker has not seen it yet: compute the audience once GET /v1/segments/${campaign.audienceSegmentId} says active`,
      );
    }
    if (status === 'evaluating') {
      const progress = evaluation.total ? ` (${Math.floor((100 * evaluation.evaluated) / evaluation.total)}% done)` : '';
      throw new AudienceSegmentNotReadyError(
        `segment ${campaign.audienceSegmentId} is still being evaluated over every customer${progress}: compute the audience once GET /v1/segments/${campaign.audienceSegmentId} says active`,
      );
    }
    const audienceId = randomUUID();
    const keys = campaignPostingKeys(campaign);
    const stamp = new Date().toISOString();
    let counts = emptyAudienceCounts();
    for (let first = 0; first < bucketCount; first += bucketsPerChunk) {
      const numbers = Array.from({ length: Math.min(bucketsPerChunk, bucketCount - first) }, (_, offset) => first + offset);
      const [members, postings] = await Promise.all([
        this.audiences.members.bucketsOfKeys([campaign.audienceSegmentId], numbers),
        this.audiences.postings.bucketsOfKeys(keys, numbers),
      ]);
      const written: (IdBucket & { key: string; bucket: number })[] = [];
      numbers.forEach((bucket, index) => {
        const [segmentMembers] = members[index];
        if (segmentMembers.ids.length === 0) return;
        const decided = decideAudienceBucket(campaign, asOf, this.rules, segmentMembers, postings[index]);
        counts = addAudienceCounts(counts, decided.counts);
        if (decided.audience.ids.length > 0) written.push({ key: audienceKey(audienceId), bucket, ...decided.audience });
        if (decided.excluded.ids.length > 0) written.push({ key: excludedKey(audienceId), bucket, ...decided.excluded });
      });
      await this.snapshots.sets.insertNew(written, stamp);
    }
    const summary: AudienceSummary = {
      audienceId,
      campaignId: campaign.campaignId,
      segmentId: campaign.audienceSegmentId,
      segmentVersion: segment.body.segment.version,
      segmentArchived: status === 'archived',
      asOf: asOf.toISOString(),
      computedAt: stamp,
      durationMs: Math.round(performance.now() - started),
      readModels: { position: checkpoint?.position ?? null, headPosition },
      counts,
    };
    await this.snapshots.summaries.insertNew([{ id: audienceId, position: stamp, body: summary }]);
    return summary;
  }
}
