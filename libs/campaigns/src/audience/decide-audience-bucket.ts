import { Json } from '@cdp/event-model';
import { bucketValue, IdBucket } from '@cdp/segments';
import { Campaign } from '../planning/campaign';
import { BlockReason } from '../suppression/block-reason';
import { eligibilityOf } from '../suppression/eligibility';
import { suppressionFactsAsOf } from '../suppression/suppression-facts-as-of';
import { emptySuppressionLog, SuppressionLog } from '../suppression/suppression-log';
import { mergePostings } from '../suppression/suppression-postings';
import { SuppressionRules } from '../suppression/suppression-rules';
import { AudienceCounts, emptyAudienceCounts } from './audience-counts';
import { storedReasons } from './stored-reasons';

export interface AudienceBucket {
  /** The members kept (their ids only). */
  audience: IdBucket;
  /**
   * The members left out, each with its reasons: `{ reasons: StoredReason[] }` (an object, as FerretDB 1.x stores no
   * array directly in an array; `no-consent` in short, see stored-reasons.ts).
   */
  excluded: IdBucket;
  counts: AudienceCounts;
}

/**
 * One bucket of an audience: the segment's members in it, each decided by the suppression rule over its postings
 * under the campaign's keys (the same rule, on the same facts, as the eligibility of one customer).
 */
export function decideAudienceBucket(
  campaign: Campaign,
  asOf: Date,
  rules: SuppressionRules,
  members: IdBucket,
  postings: readonly IdBucket[],
): AudienceBucket {
  const audience: IdBucket = { ids: [], values: [] };
  const excluded: IdBucket = { ids: [], values: [] };
  const counts = emptyAudienceCounts();
  const found: SuppressionLog[] = [];
  // Most members have no posting under the campaign's keys: one answer serves them all.
  const withoutPostings = eligibilityOf(campaign, suppressionFactsAsOf(emptySuppressionLog(), asOf), asOf, rules);
  for (let index = 0; index < members.ids.length; index++) {
    const customerId = members.ids[index];
    found.length = 0;
    for (const bucket of postings) {
      const posting = bucketValue(bucket, customerId);
      if (posting !== undefined) found.push(posting as unknown as SuppressionLog);
    }
    const { eligible, reasons } = found.length === 0 ? withoutPostings : eligibilityOf(campaign, suppressionFactsAsOf(mergePostings(found), asOf), asOf, rules);
    counts.members++;
    if (eligible) {
      counts.audience++;
      audience.ids.push(customerId);
    } else {
      counts.excluded++;
      for (const rule of new Set(reasons.map((reason: BlockReason) => reason.rule))) counts.byRule[rule]++;
      excluded.ids.push(customerId);
      excluded.values.push({ reasons: storedReasons(reasons) } as unknown as Json);
    }
  }
  return { audience, excluded, counts };
}
