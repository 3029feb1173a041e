import { BoughtCondition, CampaignResponseCondition, InteractedCondition } from '../conditions/segment-condition';
import { changesAt, EvaluationContext } from './evaluation-context';
import { SegmentSubject } from './segment-subject';

const dayMs = 86_400_000;

type Test = (subject: SegmentSubject, context: EvaluationContext) => boolean;

export function boughtTest({ product, category, atLeast, withinDays }: BoughtCondition['bought']): Test {
  const holds =
    product !== undefined
      ? (order: { products: string[] }) => order.products.includes(product)
      : (order: { categories: string[] }) => order.categories.includes(category as string);
  return (subject, context) => {
    const instants: string[] = [];
    for (const order of subject.behaviour.orders) if (holds(order)) instants.push(order.at);
    return atLeastWithin(instants, atLeast, withinDays, context);
  };
}

export function interactedTest({ channel, withinDays, atLeast, direction }: InteractedCondition['interacted']): Test {
  return (subject, context) => {
    const log = subject.behaviour.interactions[channel];
    if (!log) return false;
    const instants =
      direction === 'inbound' ? log.inbound : direction === 'outbound' ? log.outbound : [...log.inbound, ...log.outbound].sort().reverse();
    return atLeastWithin(instants, atLeast, withinDays, context);
  };
}

export function campaignResponseTest({ campaignId, action, withinDays }: CampaignResponseCondition['campaign']): Test {
  return (subject, context) => {
    const instants: string[] = [];
    for (const response of subject.behaviour.campaignResponses) {
      if (response.campaignId === campaignId && (action === 'opened' ? true : response.action === 'clicked')) instants.push(response.at);
    }
    return atLeastWithin(instants, 1, withinDays, context);
  };
}

/**
 * At least `count` of the instants (newest first) in the window [now − days, now]. Notes when that can next change
 * with time alone: if it holds, when enough of them have left the window; if not, when a later-dated one enters it.
 */
function atLeastWithin(newestFirst: readonly string[], count: number, days: number, context: EvaluationContext): boolean {
  const windowMs = days * dayMs;
  const from = context.now - windowMs;
  const inWindow: number[] = [];
  let nextToEnter = Number.POSITIVE_INFINITY;
  for (const instant of newestFirst) {
    const at = Date.parse(instant);
    if (at > context.now) nextToEnter = Math.min(nextToEnter, at);
    else if (at >= from) inWindow.push(at);
    else break;
  }
  if (inWindow.length >= count) {
    // With n in the window, the answer turns false once the n − count + 1 oldest have left: when the count-th newest leaves.
    changesAt(context, inWindow[count - 1] + windowMs + 1);
    return true;
  }
  changesAt(context, nextToEnter);
  return false;
}
