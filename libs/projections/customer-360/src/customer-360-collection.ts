import { Customer360Rules, defaultCustomer360Rules } from './customer-360-rules';

/** The rules the fold bakes into the documents (lifecycle dates, frequency and monetary scores, reporting currency). */
export const foldTimeRuleNames = [
  'reportingCurrency',
  'defaultOrderGapDays',
  'minAtRiskDays',
  'atRiskGapMultiplier',
  'churnedAfterDays',
  'churnGapMultiplier',
  'frequencyScoreOrders',
  'monetaryScoreRevenue',
] as const;

const baseName = 'customer_360_v1';

/**
 * The read model's collection for these rules: `customer_360_v1` with the default fold-time rules, else that name
 * and a hash of them. Other fold-time rules make other documents from the same events, so they are another read
 * model, built from the first event beside the first one; rules read at query time (recency, churn risk) do not.
 */
export function customer360CollectionName(rules: Customer360Rules): string {
  const fold = (source: Customer360Rules) => JSON.stringify(foldTimeRuleNames.map((name) => source[name]));
  const rulesText = fold(rules);
  return rulesText === fold(defaultCustomer360Rules) ? baseName : `${baseName}_rules_${fnv1a(rulesText)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across processes and versions, which is all a name needs. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
