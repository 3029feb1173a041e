import { Campaign } from '../planning/campaign';
import { BlockReason, Eligibility } from './block-reason';
import { consentReason } from './consent-reason';
import { promotionOf } from './promotion-of';
import { ComplaintFact, ReturnFact, SuppressionFacts } from './suppression-facts';
import { defaultSuppressionRules, SuppressionRules } from './suppression-rules';

const dayMs = 86_400_000;

/**
 * May the campaign be sent to the customer at `at`? `facts` must hold the events that occurred at or before `at`
 * (suppressionFactsAsOf): so the same function answers for now, for a past moment, and for a planned send date.
 * Blocked when the campaign's channel and purpose lack consent, or when any promoted product has an open return,
 * a return closed less than the cooling-off period before `at`, or an open complaint.
 */
export function eligibilityOf(campaign: Campaign, facts: SuppressionFacts, at: Date, rules: SuppressionRules = defaultSuppressionRules): Eligibility {
  const coolingOffMs = (campaign.coolingOffDays ?? rules.coolingOffDays) * dayMs;
  const consent = consentReason(campaign, facts);
  const reasons: BlockReason[] = [
    ...(consent ? [consent] : []),
    ...Object.values(facts.returns).flatMap((entry) => returnReasons(campaign, entry, facts, at.getTime(), coolingOffMs)),
    ...Object.values(facts.complaints).flatMap((entry) => complaintReasons(campaign, entry, facts)),
  ].sort(bySince);
  return { eligible: reasons.length === 0, reasons };
}

function returnReasons(campaign: Campaign, entry: ReturnFact, facts: SuppressionFacts, at: number, coolingOffMs: number): BlockReason[] {
  if (entry.requestedAt === null && entry.closedAt === null) return [];
  const promotedAs = promotionOf(campaign, entry, facts);
  if (promotedAs === null) return [];
  const product = entry.productId ?? entry.sku;
  if (entry.closedAt === null) {
    return [
      {
        rule: 'open-return',
        productId: entry.productId,
        promotedAs,
        since: entry.requestedAt,
        until: null,
        eventIds: entry.eventIds,
        message: `return ${entry.returnId} of product ${product} is open since ${entry.requestedAt}: it blocks until refunded or rejected`,
      },
    ];
  }
  const until = Date.parse(entry.closedAt) + coolingOffMs;
  if (at >= until) return [];
  return [
    {
      rule: 'recent-return',
      productId: entry.productId,
      promotedAs,
      since: entry.closedAt,
      until: new Date(until).toISOString(),
      eventIds: entry.eventIds,
      message: `return ${entry.returnId} of product ${product} was ${entry.outcome} at ${entry.closedAt}, less than ${Math.round(coolingOffMs / dayMs)} days before`,
    },
  ];
}

function complaintReasons(campaign: Campaign, entry: ComplaintFact, facts: SuppressionFacts): BlockReason[] {
  if (entry.openedAt === null || entry.resolvedAt !== null || entry.productId === null) return [];
  const promotedAs = promotionOf(campaign, { productId: entry.productId, sku: null }, facts);
  if (promotedAs === null) return [];
  return [
    {
      rule: 'open-complaint',
      productId: entry.productId,
      promotedAs,
      since: entry.openedAt,
      until: null,
      eventIds: entry.eventIds,
      message: `complaint ${entry.complaintId} about product ${entry.productId} is open since ${entry.openedAt}`,
    },
  ];
}

function bySince(a: BlockReason, b: BlockReason): number {
  if (a.since === b.since) return 0;
  if (a.since === null) return -1;
  if (b.since === null) return 1;
  return Date.parse(a.since) - Date.parse(b.since);
}
