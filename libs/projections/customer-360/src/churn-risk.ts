import { dayMs, instantMs } from './business-time';
import { Customer360Document } from './customer-360-document';
import { Customer360Rules } from './customer-360-rules';
import { gapForRules } from './lifecycle';

export type ChurnRiskLevel = 'low' | 'medium' | 'high';
export type ChurnRisk = { score: number; level: ChurnRiskLevel; reasons: string[] };

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * A heuristic out of 100, explained by its reasons; null for a customer without any order.
 * - overdue: days since the last order / usual gap (the default gap below 2 order days). Nothing up to 1×,
 *   full `overduePoints` from `overdueRatioForFullPoints`×, linear between;
 * - open complaints: `pointsPerOpenComplaint` each, at most `maxComplaintPoints`;
 * - return rate: full `returnRatePoints` from `returnRateForFullPoints`, linear from 0.
 */
export function churnRiskOf(
  doc: Pick<Customer360Document, 'lastOrderAt' | 'usualOrderGapDays' | 'openComplaintCount' | 'returnRate'>,
  now: Date,
  rules: Customer360Rules,
): ChurnRisk | null {
  if (doc.lastOrderAt === null) return null;
  const risk = rules.churnRisk;
  const reasons: string[] = [];

  const days = Math.max(0, (now.getTime() - instantMs(doc.lastOrderAt)) / dayMs);
  const gap = Math.max(1, gapForRules(doc.usualOrderGapDays, rules));
  const ratio = days / gap;
  const overdue = risk.overduePoints * clamp01((ratio - 1) / (risk.overdueRatioForFullPoints - 1));
  if (ratio > 1) {
    reasons.push(`${plural(Math.floor(days), 'day')} since the last order: ${ratio.toFixed(1)}× the usual gap of ${plural(gap, 'day')}`);
  }

  const complaints = Math.min(risk.maxComplaintPoints, doc.openComplaintCount * risk.pointsPerOpenComplaint);
  if (doc.openComplaintCount > 0) reasons.push(`${plural(doc.openComplaintCount, 'open complaint')}`);

  const returns = risk.returnRatePoints * clamp01(doc.returnRate / risk.returnRateForFullPoints);
  if (doc.returnRate > 0) reasons.push(`returns for ${Math.round(doc.returnRate * 100)}% of orders`);

  const score = Math.min(100, Math.round(overdue + complaints + returns));
  const level: ChurnRiskLevel = score >= risk.highFrom ? 'high' : score >= risk.mediumFrom ? 'medium' : 'low';
  return { score, level, reasons };
}
