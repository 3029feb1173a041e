import { dayMs, instantMs } from './business-time';
import { ChurnRisk, churnRiskOf } from './churn-risk';
import { Customer360Document } from './customer-360-document';
import { Customer360Rules, defaultCustomer360Rules } from './customer-360-rules';
import { LifecycleStage, lifecycleStageOf } from './lifecycle';
import { frequencyScore, monetaryScore, recencyScore } from './rfm';

export type Customer360Rfm = { recency: number; frequency: number; monetary: number; score: string };

/** The document as of `now`: what depends on the reading time is computed here, never stored. */
export type Customer360View = Customer360Document & {
  lifecycleStage: LifecycleStage;
  daysSinceLastOrder: number | null;
  /** null without any order. `score` reads "RFM", e.g. "545". */
  rfm: Customer360Rfm | null;
  churnRisk: ChurnRisk | null;
  /** The average kept order in the reporting currency (averageOrderValue holds every currency). */
  reportingAverageOrderValue: number | null;
};

export function customer360View(doc: Customer360Document, now: Date, rules: Customer360Rules = defaultCustomer360Rules): Customer360View {
  const recency = recencyScore(doc.lastOrderAt, now, rules);
  const frequency = frequencyScore(doc, rules);
  const monetary = monetaryScore(doc, rules);
  return {
    ...doc,
    lifecycleStage: lifecycleStageOf(doc, now),
    daysSinceLastOrder: doc.lastOrderAt === null ? null : Math.max(0, Math.floor((now.getTime() - instantMs(doc.lastOrderAt)) / dayMs)),
    rfm:
      recency === null || frequency === null || monetary === null
        ? null
        : { recency, frequency, monetary, score: `${recency}${frequency}${monetary}` },
    churnRisk: churnRiskOf(doc, now, rules),
    reportingAverageOrderValue: doc.averageOrderValue[rules.reportingCurrency] ?? null,
  };
}
