import { Customer360Rules, defaultCustomer360Rules } from '@cdp/customer-360';

/** The rules conditions read at evaluation time: the recency score's thresholds, as the 360° view's. */
export type SegmentRules = Pick<Customer360Rules, 'recencyScoreDays'>;

export const defaultSegmentRules: SegmentRules = { recencyScoreDays: defaultCustomer360Rules.recencyScoreDays };
