import { Customer360Document } from './customer-360-document';
import { Customer360Rules } from './customer-360-rules';
import { lifecycleDates, usualOrderGapDays } from './lifecycle';
import { MoneyByCurrency, roundMoney } from './money';
import { frequencyScore, monetaryScore } from './rfm';

type DerivedFields = Pick<
  Customer360Document,
  | 'country'
  | 'region'
  | 'reportingRevenue'
  | 'openComplaintCount'
  | 'usualOrderGapDays'
  | 'atRiskFrom'
  | 'churnedFrom'
  | 'averageOrderValue'
  | 'rfmFrequency'
  | 'rfmMonetary'
  | 'returnRate'
>;

/**
 * The fields computed from the others, after every event, so they can never disagree with them; stored because
 * analysts search and sort on them. `before` (the document before the event) spares recomputing the lifecycle
 * dates and averages when their inputs did not change.
 */
export function derivedFields(doc: Customer360Document, rules: Customer360Rules, before?: Customer360Document): DerivedFields {
  const ordersMoved =
    !before || doc.lastOrderAt !== before.lastOrderAt || doc.firstOrderAt !== before.firstOrderAt || doc.orderDayCount !== before.orderDayCount;
  const usualGap = ordersMoved ? usualOrderGapDays(doc.firstOrderAt, doc.lastOrderAt, doc.orderDayCount) : before.usualOrderGapDays;
  const dates = ordersMoved ? lifecycleDates(doc.lastOrderAt, usualGap, rules) : { atRiskFrom: before.atRiskFrom, churnedFrom: before.churnedFrom };
  const revenueMoved = !before || doc.revenue !== before.revenue || doc.ordersByCurrency !== before.ordersByCurrency;
  const reportingRevenue = doc.revenue[rules.reportingCurrency] ?? 0;
  return {
    country: doc.profile.address?.country ?? null,
    region: doc.profile.address?.region ?? null,
    reportingRevenue,
    openComplaintCount: doc.openComplaints.length,
    usualOrderGapDays: usualGap,
    ...dates,
    averageOrderValue: revenueMoved ? averageOrderValues(doc.revenue, doc.ordersByCurrency) : before.averageOrderValue,
    rfmFrequency: frequencyScore(doc, rules),
    rfmMonetary: monetaryScore({ orderCount: doc.orderCount, reportingRevenue }, rules),
    returnRate: doc.orderCount === 0 ? 0 : Math.round((doc.returnCount / doc.orderCount) * 10_000) / 10_000,
  };
}

function averageOrderValues(revenue: MoneyByCurrency, orders: { [currency: string]: number }): MoneyByCurrency {
  const averages: MoneyByCurrency = {};
  for (const [currency, count] of Object.entries(orders)) {
    if (count > 0) averages[currency] = roundMoney((revenue[currency] ?? 0) / count);
  }
  return averages;
}
