import { Condition } from '@cdp/read-store';
import { dayMs, instantMs, isoInstant } from './business-time';
import { Customer360Document } from './customer-360-document';
import { Customer360Rules } from './customer-360-rules';

export type RfmScore = 1 | 2 | 3 | 4 | 5;

/** 1, plus one for each threshold reached. */
function scoreFrom(value: number, thresholds: readonly number[]): RfmScore {
  return (1 + thresholds.filter((threshold) => value >= threshold).length) as RfmScore;
}

/** On kept orders (placed − cancelled); null without any order placed. */
export function frequencyScore(doc: Pick<Customer360Document, 'orderCount' | 'cancelledOrderCount'>, rules: Customer360Rules): RfmScore | null {
  if (doc.orderCount === 0) return null;
  return scoreFrom(Math.max(0, doc.orderCount - doc.cancelledOrderCount), rules.frequencyScoreOrders);
}

/** On the revenue in the reporting currency; null without any order placed. */
export function monetaryScore(doc: Pick<Customer360Document, 'orderCount' | 'reportingRevenue'>, rules: Customer360Rules): RfmScore | null {
  return doc.orderCount === 0 ? null : scoreFrom(doc.reportingRevenue, rules.monetaryScoreRevenue);
}

const thresholdMs = (days: number): number => Math.round(days * dayMs);

/** 5 when the last order is at most recencyScoreDays[0] days before `now`, 4 within [1]…, 1 beyond [3]. Read time only. */
export function recencyScore(lastOrderAt: string | null, now: Date, rules: Pick<Customer360Rules, 'recencyScoreDays'>): RfmScore | null {
  if (lastOrderAt === null) return null;
  const elapsed = now.getTime() - instantMs(lastOrderAt);
  const within = rules.recencyScoreDays.findIndex((days) => elapsed <= thresholdMs(days));
  return (within < 0 ? 1 : 5 - within) as RfmScore;
}

/** The read-store conditions of a recency score at `now`: a range of the indexed lastOrderAt. */
export function recencyScoreConditions(score: number, now: Date, rules: Customer360Rules): Condition[] {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new RangeError(`a recency score is an integer from 1 to 5, got ${score}`);
  const since = (index: number) => isoInstant(now.getTime() - thresholdMs(rules.recencyScoreDays[index]));
  const conditions: Condition[] = [];
  if (score < 5) conditions.push({ field: 'lastOrderAt', op: 'lt', value: since(4 - score) });
  if (score > 1) conditions.push({ field: 'lastOrderAt', op: 'gte', value: since(5 - score) });
  return conditions;
}
