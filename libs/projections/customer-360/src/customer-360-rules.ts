/**
 * The business rules of the 360° view: lifecycle dates, RFM scores and the churn-risk heuristic.
 * The fold bakes the lifecycle dates and the frequency/monetary scores into the documents, so changing
 * those rules means rebuilding the read model (a new projection version).
 */
export interface Customer360Rules {
  /** ISO 4217: the currency of `reportingRevenue`, the monetary score and appetence spend (no conversion). */
  reportingCurrency: string;
  /** The usual gap between orders assumed for a customer with fewer than 2 order days. */
  defaultOrderGapDays: number;
  /** At risk after max(minAtRiskDays, atRiskGapMultiplier × usual gap) without an order. */
  minAtRiskDays: number;
  atRiskGapMultiplier: number;
  /** Churned after max(churnedAfterDays, churnGapMultiplier × usual gap) without an order (never before at risk). */
  churnedAfterDays: number;
  churnGapMultiplier: number;
  /** Recency 5 within the first number of days since the last order, 4 within the second…, 1 beyond the last. */
  recencyScoreDays: readonly [number, number, number, number];
  /** Frequency: kept orders (placed − cancelled) from which scores 2, 3, 4, 5 start. */
  frequencyScoreOrders: readonly [number, number, number, number];
  /** Monetary: reporting revenue from which scores 2, 3, 4, 5 start. */
  monetaryScoreRevenue: readonly [number, number, number, number];
  churnRisk: ChurnRiskRules;
}

/** Points out of 100; see docs/customer-360.md. */
export interface ChurnRiskRules {
  /** Points when days since the last order reach `overdueRatioForFullPoints` × the usual gap (0 up to 1×, linear between). */
  overduePoints: number;
  overdueRatioForFullPoints: number;
  pointsPerOpenComplaint: number;
  maxComplaintPoints: number;
  /** Points when the return rate reaches `returnRateForFullPoints` (linear from 0). */
  returnRatePoints: number;
  returnRateForFullPoints: number;
  /** Levels: medium from this score, high from the next. */
  mediumFrom: number;
  highFrom: number;
}

export const defaultCustomer360Rules: Customer360Rules = Object.freeze({
  reportingCurrency: 'GBP',
  defaultOrderGapDays: 30,
  minAtRiskDays: 60,
  atRiskGapMultiplier: 2,
  churnedAfterDays: 180,
  churnGapMultiplier: 4,
  recencyScoreDays: Object.freeze([30, 90, 180, 365]) as readonly [number, number, number, number],
  frequencyScoreOrders: Object.freeze([2, 4, 8, 16]) as readonly [number, number, number, number],
  monetaryScoreRevenue: Object.freeze([100, 500, 1000, 5000]) as readonly [number, number, number, number],
  churnRisk: Object.freeze({
    overduePoints: 70,
    overdueRatioForFullPoints: 3,
    pointsPerOpenComplaint: 10,
    maxComplaintPoints: 20,
    returnRatePoints: 10,
    returnRateForFullPoints: 0.5,
    mediumFrom: 34,
    highFrom: 67,
  }),
});

export class InvalidCustomer360RulesError extends Error {
  readonly code = 'invalid-customer-360-rules';
}

/** The default rules with `overrides`, checked: a wrong value stops start-up with a message naming it. */
export function customer360Rules(
  overrides: Partial<Omit<Customer360Rules, 'churnRisk'>> & { churnRisk?: Partial<ChurnRiskRules> } = {},
): Customer360Rules {
  const rules: Customer360Rules = {
    ...defaultCustomer360Rules,
    ...overrides,
    churnRisk: { ...defaultCustomer360Rules.churnRisk, ...overrides.churnRisk },
  };
  assertValidRules(rules);
  return rules;
}

export function assertValidRules(rules: Customer360Rules): void {
  const problems: string[] = [];
  if (!/^[A-Z]{3}$/.test(rules.reportingCurrency)) problems.push('reportingCurrency must be an ISO 4217 code in capitals, e.g. "GBP"');
  const positive = ['defaultOrderGapDays', 'minAtRiskDays', 'atRiskGapMultiplier', 'churnedAfterDays', 'churnGapMultiplier'] as const;
  for (const name of positive) {
    if (!(Number.isFinite(rules[name]) && rules[name] > 0)) problems.push(`${name} must be a number above 0`);
  }
  if (rules.churnedAfterDays < rules.minAtRiskDays) problems.push('churnedAfterDays must be at least minAtRiskDays');
  if (rules.churnGapMultiplier < rules.atRiskGapMultiplier) problems.push('churnGapMultiplier must be at least atRiskGapMultiplier');
  for (const name of ['recencyScoreDays', 'frequencyScoreOrders', 'monetaryScoreRevenue'] as const) {
    const thresholds = rules[name];
    const ascending = thresholds.every((value, index) => Number.isFinite(value) && value >= 0 && (index === 0 || value > thresholds[index - 1]));
    if (thresholds.length !== 4 || !ascending) problems.push(`${name} must be 4 increasing numbers of at least 0`);
  }
  const risk = rules.churnRisk;
  for (const name of Object.keys(defaultCustomer360Rules.churnRisk) as (keyof ChurnRiskRules)[]) {
    if (!(Number.isFinite(risk[name]) && risk[name] >= 0)) problems.push(`churnRisk.${name} must be a number of at least 0`);
  }
  if (risk.overdueRatioForFullPoints <= 1) problems.push('churnRisk.overdueRatioForFullPoints must be above 1');
  if (risk.returnRateForFullPoints <= 0) problems.push('churnRisk.returnRateForFullPoints must be above 0');
  if (risk.overduePoints + risk.maxComplaintPoints + risk.returnRatePoints > 100) problems.push('churnRisk points must add up to at most 100');
  if (!(risk.mediumFrom <= risk.highFrom && risk.highFrom <= 100)) problems.push('churnRisk.mediumFrom <= churnRisk.highFrom <= 100 must hold');
  if (problems.length > 0) throw new InvalidCustomer360RulesError(`invalid customer-360 rules: ${problems.join('; ')}`);
}

const ruleNames = Object.keys(defaultCustomer360Rules) as (keyof Customer360Rules)[];
const churnRiskNames = Object.keys(defaultCustomer360Rules.churnRisk) as (keyof ChurnRiskRules)[];
const thresholdNames = ['recencyScoreDays', 'frequencyScoreOrders', 'monetaryScoreRevenue'];

/**
 * The rules from untrusted overrides (parsed configuration, e.g. JSON): every key must name a rule and hold a value
 * of its type, then the rules are checked as a whole. A wrong one stops start-up with a message naming it.
 */
export function customer360RulesFrom(overrides: Record<string, unknown>): Customer360Rules {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    if (!(ruleNames as string[]).includes(name)) problems.push(`unknown rule "${name}" (known: ${ruleNames.join(', ')})`);
    else if (name === 'reportingCurrency') {
      if (typeof value !== 'string') problems.push('reportingCurrency must be a string');
    } else if (thresholdNames.includes(name)) {
      const fourNumbers = Array.isArray(value) && value.length === 4 && value.every((item) => typeof item === 'number');
      if (!fourNumbers) problems.push(`${name} must be an array of 4 numbers`);
    } else if (name === 'churnRisk') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push('churnRisk must be an object');
      else {
        for (const [riskName, riskValue] of Object.entries(value)) {
          if (!(churnRiskNames as string[]).includes(riskName)) {
            problems.push(`unknown rule "churnRisk.${riskName}" (known: ${churnRiskNames.join(', ')})`);
          } else if (typeof riskValue !== 'number') problems.push(`churnRisk.${riskName} must be a number`);
        }
      }
    } else if (typeof value !== 'number') problems.push(`${name} must be a number`);
  }
  if (problems.length > 0) throw new InvalidCustomer360RulesError(`invalid customer-360 rules: ${problems.join('; ')}`);
  return customer360Rules(overrides as Parameters<typeof customer360Rules>[0]);
}
