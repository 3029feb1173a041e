import { customer360Projection } from './customer-360-projection';
import { customer360Rules, customer360RulesFrom, defaultCustomer360Rules, InvalidCustomer360RulesError } from './customer-360-rules';

describe('customer-360 rules', () => {
  it('defaults to documented values', () => {
    expect(customer360Rules()).toEqual(defaultCustomer360Rules);
    expect(defaultCustomer360Rules).toMatchObject({
      reportingCurrency: 'GBP',
      defaultOrderGapDays: 30,
      minAtRiskDays: 60,
      atRiskGapMultiplier: 2,
      churnedAfterDays: 180,
      churnGapMultiplier: 4,
      recencyScoreDays: [30, 90, 180, 365],
      frequencyScoreOrders: [2, 4, 8, 16],
      monetaryScoreRevenue: [100, 500, 1000, 5000],
    });
  });

  it('takes overrides, the churn-risk weights one by one', () => {
    const rules = customer360Rules({ reportingCurrency: 'EUR', churnRisk: { highFrom: 80 } });
    expect(rules).toMatchObject({ reportingCurrency: 'EUR', churnRisk: { highFrom: 80, mediumFrom: 34 } });
  });

  it.each([
    [{ reportingCurrency: 'euro' }, /reportingCurrency must be an ISO 4217 code/],
    [{ minAtRiskDays: 0 }, /minAtRiskDays must be a number above 0/],
    [{ churnedAfterDays: 30 }, /churnedAfterDays must be at least minAtRiskDays/],
    [{ churnGapMultiplier: 1 }, /churnGapMultiplier must be at least atRiskGapMultiplier/],
    [{ recencyScoreDays: [30, 20, 180, 365] as const }, /recencyScoreDays must be 4 increasing numbers/],
    [{ churnRisk: { overduePoints: 90 } }, /churnRisk points must add up to at most 100/],
    [{ churnRisk: { mediumFrom: 70 } }, /mediumFrom <= churnRisk.highFrom/],
  ])('refuses %j, naming the rule', (overrides, message) => {
    expect(() => customer360Rules(overrides as Parameters<typeof customer360Rules>[0])).toThrow(InvalidCustomer360RulesError);
    expect(() => customer360Rules(overrides as Parameters<typeof customer360Rules>[0])).toThrow(message);
  });

  it('refuses to build the projection with invalid rules', () => {
    expect(() => customer360Projection({ ...defaultCustomer360Rules, defaultOrderGapDays: -1 })).toThrow(/defaultOrderGapDays/);
  });
});

describe('customer360RulesFrom', () => {
  it('reads overrides from parsed configuration', () => {
    expect(customer360RulesFrom(JSON.parse('{"reportingCurrency":"EUR","recencyScoreDays":[7,30,90,180],"churnRisk":{"highFrom":80}}'))).toEqual({
      ...defaultCustomer360Rules,
      reportingCurrency: 'EUR',
      recencyScoreDays: [7, 30, 90, 180],
      churnRisk: { ...defaultCustomer360Rules.churnRisk, highFrom: 80 },
    });
    expect(customer360RulesFrom({})).toEqual(defaultCustomer360Rules);
  });

  it.each([
    [{ reportingCurency: 'EUR' }, /unknown rule "reportingCurency"/],
    [{ minAtRiskDays: '60' }, /minAtRiskDays must be a number/],
    [{ recencyScoreDays: [1, 2, 3] }, /recencyScoreDays must be an array of 4 numbers/],
    [{ churnRisk: { highFrom: '80' } }, /churnRisk.highFrom must be a number/],
    [{ churnRisk: { high: 80 } }, /unknown rule "churnRisk.high"/],
    [{ churnRisk: 80 }, /churnRisk must be an object/],
    [{ churnedAfterDays: 10 }, /churnedAfterDays must be at least minAtRiskDays/],
  ])('refuses %j, naming the rule', (overrides, message) => {
    expect(() => customer360RulesFrom(overrides)).toThrow(InvalidCustomer360RulesError);
    expect(() => customer360RulesFrom(overrides)).toThrow(message);
  });
});
