import { Campaign } from '../planning/campaign';
import { BlockReason } from './block-reason';
import { consentKey, SuppressionFacts } from './suppression-facts';

/** GDPR: nobody is contacted on a channel, for a purpose, without their consent to exactly that. */
export function consentReason(campaign: Campaign, facts: SuppressionFacts): BlockReason | null {
  const consent = facts.consents[consentKey(campaign.channel, campaign.purpose)];
  if (consent?.granted) return null;
  if (consent === undefined) {
    return {
      rule: 'no-consent',
      productId: null,
      promotedAs: null,
      since: null,
      until: null,
      eventIds: [],
      message: `no consent to ${campaign.purpose} on ${campaign.channel} was ever given`,
    };
  }
  return {
    rule: 'consent-withdrawn',
    productId: null,
    promotedAs: null,
    since: consent.at,
    until: null,
    eventIds: [consent.eventId],
    message: `consent to ${campaign.purpose} on ${campaign.channel} was withdrawn at ${consent.at}`,
  };
}
