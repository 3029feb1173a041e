import { Campaign } from '../planning/campaign';
import { BlockReason } from '../suppression/block-reason';
import { consentReason } from '../suppression/consent-reason';
import { emptySuppressionFacts } from '../suppression/suppression-facts';

/**
 * A reason as an audience keeps it. Most members left out of an audience have never consented: that reason carries
 * nothing but the campaign's channel and purpose, so it is kept as the word `no-consent` and told in full on export.
 * A million excluded members then take a few MB, not a few hundred.
 */
export type StoredReason = BlockReason | 'no-consent';

export function storedReasons(reasons: readonly BlockReason[]): StoredReason[] {
  return reasons.map((reason) => (reason.rule === 'no-consent' ? 'no-consent' : reason));
}

export function expandedReasons(stored: readonly StoredReason[], campaign: Campaign): BlockReason[] {
  return stored.map((reason) => (reason === 'no-consent' ? (consentReason(campaign, emptySuppressionFacts()) as BlockReason) : reason));
}
