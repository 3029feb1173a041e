import { customer360CollectionName } from './customer-360-collection';
import { customer360Projection } from './customer-360-projection';
import { customer360Rules, defaultCustomer360Rules } from './customer-360-rules';

describe('the collection of the 360° view', () => {
  it('is customer_360_v1 with the default rules', () => {
    expect(customer360Projection().collection.name).toBe('customer_360_v1');
    expect(customer360CollectionName(customer360Rules({}))).toBe('customer_360_v1');
  });

  it('is another one, always the same, when a rule the fold stores differs', () => {
    const euros = customer360CollectionName(customer360Rules({ reportingCurrency: 'EUR' }));
    expect(euros).toMatch(/^customer_360_v1_rules_[0-9a-f]{8}$/);
    expect(customer360CollectionName(customer360Rules({ reportingCurrency: 'EUR' }))).toBe(euros);
    const names = [
      euros,
      customer360CollectionName(customer360Rules({ minAtRiskDays: 90 })),
      customer360CollectionName(customer360Rules({ frequencyScoreOrders: [2, 4, 8, 32] })),
      customer360CollectionName(customer360Rules({ monetaryScoreRevenue: [50, 500, 1000, 5000] })),
    ];
    expect(new Set(names).size).toBe(names.length);
  });

  it('stays customer_360_v1 when only rules read at query time differ (recency, churn risk)', () => {
    const rules = customer360Rules({ recencyScoreDays: [7, 30, 90, 180], churnRisk: { ...defaultCustomer360Rules.churnRisk, overduePoints: 60 } });
    expect(customer360CollectionName(rules)).toBe('customer_360_v1');
  });
});
