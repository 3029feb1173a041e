import { AudienceProfile, audienceProfilesCollection } from '@cdp/audiences';
import { Campaign, defaultSuppressionRules, eligibilityOf, suppressionFactsAsOf } from '@cdp/campaigns';
import { ReadStore } from '@cdp/read-store';
import { EvaluatedSegment, evaluationContext } from '@cdp/segments';
import { subjectOf } from './reevaluation';

/** The naive way, for comparison: every customer's profile read and evaluated, the conditions and the rule alike. */
export interface FullScan {
  profiles: number;
  seconds: number;
  profilesPerSecond: number;
  /** Growth of this process's resident memory over the scan (MiB). */
  rssGrowthMiB: number;
  members: number;
  audience: number;
}

/**
 * The audience by a full scan: each profile evaluated against the segment, each member against the suppression rule
 * from its own log. Stops after `limit` profiles (FerretDB's side scans a part and reports the rate).
 */
export async function audienceByFullScan(store: ReadStore, segment: EvaluatedSegment, campaign: Campaign, asOf: Date, limit = Number.POSITIVE_INFINITY): Promise<FullScan> {
  return scan(store, limit, async (profile, counts) => {
    const subject = await subjectOf(profile);
    if (!segment.matches(subject, evaluationContext(asOf.getTime()))) return;
    counts.members++;
    if (eligibilityOf(campaign, suppressionFactsAsOf(profile.suppression, asOf), asOf, defaultSuppressionRules).eligible) counts.audience++;
  });
}

/** Every segment's membership by a full scan: what keeping them costs without incremental evaluation, per change. */
export async function segmentsByFullScan(store: ReadStore, segments: readonly EvaluatedSegment[], now: number): Promise<FullScan> {
  return scan(store, Number.POSITIVE_INFINITY, async (profile, counts) => {
    const subject = await subjectOf(profile);
    const context = evaluationContext(now);
    for (const segment of segments) if (segment.matches(subject, context)) counts.members++;
  });
}

async function scan(store: ReadStore, limit: number, visit: (profile: AudienceProfile, counts: { members: number; audience: number }) => Promise<void>): Promise<FullScan> {
  const profiles = await store.collection<AudienceProfile>(audienceProfilesCollection);
  const counts = { members: 0, audience: 0 };
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  let seen = 0;
  const started = performance.now();
  for await (const { body } of profiles.stream({})) {
    await visit(body, counts);
    if (++seen % 10_000 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    if (seen >= limit) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return { profiles: seen, seconds, profilesPerSecond: Math.round(seen / seconds), rssGrowthMiB: (rssPeak - rssBefore) / 2 ** 20, ...counts };
}
