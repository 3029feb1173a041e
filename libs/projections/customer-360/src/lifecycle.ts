import { Condition } from '@cdp/read-store';
import { instantMs, isoInstant, plusDays, utcDay } from './business-time';
import { Customer360Document } from './customer-360-document';
import { Customer360Rules } from './customer-360-rules';

export const lifecycleStages = ['prospect', 'active', 'at-risk', 'churned'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

/** The mean gap between distinct order days: (last day − first day) / (order days − 1); null with fewer than 2 days. */
export function usualOrderGapDays(firstOrderAt: string | null, lastOrderAt: string | null, orderDayCount: number): number | null {
  if (firstOrderAt === null || lastOrderAt === null || orderDayCount < 2) return null;
  return Math.round(((utcDay(lastOrderAt) - utcDay(firstOrderAt)) / (orderDayCount - 1)) * 100) / 100;
}

/** The gap the rules reason with: the customer's own, else the default. */
export function gapForRules(usualGapDays: number | null, rules: Customer360Rules): number {
  return usualGapDays ?? rules.defaultOrderGapDays;
}

/**
 * When a customer becomes at risk, then churned, if no order comes:
 * at risk after max(minAtRiskDays, atRiskGapMultiplier × gap), churned after max(churnedAfterDays,
 * churnGapMultiplier × gap), never before at risk. Stored in the document so the stage is a date-range search.
 */
export function lifecycleDates(
  lastOrderAt: string | null,
  usualGapDays: number | null,
  rules: Customer360Rules,
): { atRiskFrom: string | null; churnedFrom: string | null } {
  if (lastOrderAt === null) return { atRiskFrom: null, churnedFrom: null };
  const gap = gapForRules(usualGapDays, rules);
  const atRiskDays = Math.max(rules.minAtRiskDays, rules.atRiskGapMultiplier * gap);
  const churnedDays = Math.max(rules.churnedAfterDays, rules.churnGapMultiplier * gap, atRiskDays);
  return { atRiskFrom: plusDays(lastOrderAt, atRiskDays), churnedFrom: plusDays(lastOrderAt, churnedDays) };
}

/** Prospect without any order (whatever the party kind); else active, at risk or churned by `now` against the stored dates. */
export function lifecycleStageOf(doc: Pick<Customer360Document, 'orderCount' | 'atRiskFrom' | 'churnedFrom'>, now: Date): LifecycleStage {
  if (doc.orderCount === 0 || doc.atRiskFrom === null || doc.churnedFrom === null) return 'prospect';
  const at = now.getTime();
  if (at < instantMs(doc.atRiskFrom)) return 'active';
  return at < instantMs(doc.churnedFrom) ? 'at-risk' : 'churned';
}

/**
 * The read-store conditions of a stage at `now`, on the indexed atRiskFrom / churnedFrom (ISO strings, so string
 * order is time order). The dates already carry the rules the projection folded with; `rules` is taken for
 * symmetry with the other read-time functions.
 */
export function lifecycleStageConditions(stage: LifecycleStage, now: Date, _rules?: Customer360Rules): Condition[] {
  const at = isoInstant(now.getTime());
  switch (stage) {
    case 'prospect':
      return [{ field: 'orderCount', op: 'eq', value: 0 }];
    case 'active':
      return [{ field: 'atRiskFrom', op: 'gt', value: at }];
    case 'at-risk':
      return [
        { field: 'atRiskFrom', op: 'lte', value: at },
        { field: 'churnedFrom', op: 'gt', value: at },
      ];
    case 'churned':
      return [{ field: 'churnedFrom', op: 'lte', value: at }];
    default:
      throw new RangeError(`unknown lifecycle stage "${String(stage)}": use one of ${lifecycleStages.join(', ')}`);
  }
}
