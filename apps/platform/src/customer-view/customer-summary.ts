import { Customer360Document, Customer360Rules, customer360View } from '@cdp/customer-360';

/** One search result: what an analyst scans in a list. No personal data: lists are for segments, not people. */
export interface CustomerSummary {
  customerId: string;
  partyKind: string | null;
  country: string | null;
  lifecycleStage: string;
  orderCount: number;
  reportingRevenue: number;
  reportingCurrency: string;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  daysSinceLastOrder: number | null;
  rfm: string | null;
  returnRate: number;
  openComplaintCount: number;
  churnRisk: string | null;
}

export const summaryColumns: readonly (keyof CustomerSummary)[] = [
  'customerId',
  'partyKind',
  'country',
  'lifecycleStage',
  'orderCount',
  'reportingRevenue',
  'reportingCurrency',
  'firstOrderAt',
  'lastOrderAt',
  'daysSinceLastOrder',
  'rfm',
  'returnRate',
  'openComplaintCount',
  'churnRisk',
];

export function customerSummary(document: Customer360Document, now: Date, rules: Customer360Rules): CustomerSummary {
  const view = customer360View(document, now, rules);
  return {
    customerId: view.customerId,
    partyKind: view.partyKind ?? null,
    country: view.country ?? null,
    lifecycleStage: view.lifecycleStage,
    orderCount: view.orderCount,
    reportingRevenue: view.reportingRevenue,
    reportingCurrency: rules.reportingCurrency,
    firstOrderAt: view.firstOrderAt ?? null,
    lastOrderAt: view.lastOrderAt ?? null,
    daysSinceLastOrder: view.daysSinceLastOrder ?? null,
    rfm: view.rfm?.score ?? null,
    returnRate: view.returnRate,
    openComplaintCount: view.openComplaintCount,
    churnRisk: view.churnRisk?.level ?? null,
  };
}
