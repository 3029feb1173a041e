import { defaultCustomer360Rules, lifecycleStageConditions, lifecycleStages } from '@cdp/customer-360';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { customerSearchQuery } from './customer-search-query';
import { CustomerSearchParams } from './dtos/customer-search.params';

const now = new Date('2026-01-01T00:00:00Z');
const rules = defaultCustomer360Rules;

function params(query: Record<string, unknown>): CustomerSearchParams {
  const instance = plainToInstance(CustomerSearchParams, query);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new Error(errors.map((error) => error.property).join(','));
  return instance;
}

function refused(query: Record<string, unknown>): string[] {
  const errors = validateSync(plainToInstance(CustomerSearchParams, query), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.map((error) => error.property);
}

describe('customerSearchQuery', () => {
  it('turns each filter into typed conditions on known fields only', () => {
    const { where, sort } = customerSearchQuery(
      params({ country: 'GB,FR', partyKind: 'customer', revenueMin: '100', revenueMax: '500.5', ordersMin: '2', lastOrderFrom: '2025-06-01', lastOrderTo: '2025-07-01', openComplaint: 'true', sort: '-reportingRevenue' }),
      now,
      rules,
    );
    expect(where).toEqual([
      { field: 'country', op: 'in', values: ['GB', 'FR'] },
      { field: 'partyKind', op: 'in', values: ['customer'] },
      { field: 'reportingRevenue', op: 'gte', value: 100 },
      { field: 'reportingRevenue', op: 'lte', value: 500.5 },
      { field: 'orderCount', op: 'gte', value: 2 },
      { field: 'lastOrderAt', op: 'gte', value: '2025-06-01T00:00:00.000Z' },
      { field: 'lastOrderAt', op: 'lt', value: '2025-07-01T00:00:00.000Z' },
      { field: 'openComplaintCount', op: 'gt', value: 0 },
    ]);
    expect(sort).toEqual({ field: 'reportingRevenue', direction: 'desc' });
  });

  it('reads rfm=545 as three scores, recency by dates and the others by stored scores', () => {
    const { where } = customerSearchQuery(params({ rfm: '545' }), now, rules);
    expect(where).toEqual(expect.arrayContaining([{ field: 'rfmFrequency', op: 'eq', value: 4 }, { field: 'rfmMonetary', op: 'eq', value: 5 }]));
    expect(where.filter((condition) => condition.field === 'lastOrderAt').length).toBeGreaterThan(0);
  });

  it('refuses rfm and a single score that disagree', () => {
    expect(() => customerSearchQuery(params({ rfm: '545', rfmFrequency: '3' }), now, rules)).toThrow(/rfm and rfmFrequency disagree/);
  });

  it('searches a stage by the conditions of the 360° view, as of now', () => {
    for (const stage of lifecycleStages) {
      expect(customerSearchQuery(params({ stage }), now, rules).where).toEqual(lifecycleStageConditions(stage, now, rules));
    }
  });

  it.each([
    [{ $where: 'sleep(1000)' }, ['$where']],
    [{ country: { $gt: '' } }, ['country']],
    [{ partyKind: '{"$gt":""}' }, ['partyKind']],
    [{ country: 'gb' }, ['country']],
    [{ stage: 'asleep' }, ['stage']],
    [{ revenueMin: 'lots' }, ['revenueMin']],
    [{ limit: '0' }, ['limit']],
    [{ sort: 'password' }, ['sort']],
    [{ lastOrderFrom: 'yesterday' }, ['lastOrderFrom']],
  ])('refuses %j, naming %j', (query, properties) => {
    expect(refused(query)).toEqual(properties);
  });
});
