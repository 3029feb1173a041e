import { Inject, Injectable } from '@nestjs/common';
import { Customer360Document, lifecycleStageConditions, lifecycleStages } from '@cdp/customer-360';
import { ReadCollection } from '@cdp/read-store';
import { SalesByMonthDocument } from '@cdp/sales-by-month';
import { CUSTOMER_360_COLLECTION, PLATFORM_PROJECTIONS, SALES_BY_MONTH_COLLECTION } from '../projections/projection-tokens';
import { PlatformProjections } from '@cdp/read-models';

export interface PlatformStats {
  asOf: string;
  customers: number;
  byStage: Record<string, number>;
  byCountry: { country: string | null; customers: number }[];
  byPartyKind: { partyKind: string | null; customers: number }[];
  revenueByMonth: { month: string; currency: string; orders: number; revenue: number; refunds: number; returns: number }[];
}

/** Counts from the read models' indexes, never from a scan of the event store. */
@Injectable()
export class PlatformStatsService {
  constructor(
    @Inject(CUSTOMER_360_COLLECTION) private readonly views: ReadCollection<Customer360Document>,
    @Inject(SALES_BY_MONTH_COLLECTION) private readonly sales: ReadCollection<SalesByMonthDocument>,
    @Inject(PLATFORM_PROJECTIONS) private readonly projections: PlatformProjections,
  ) {}

  async stats(now = new Date()): Promise<PlatformStats> {
    const rules = this.projections.customer360Rules;
    const [customers, stageCounts, byCountry, byPartyKind, months] = await Promise.all([
      this.views.count(),
      Promise.all(lifecycleStages.map((stage) => this.views.count(lifecycleStageConditions(stage, now, rules)))),
      this.views.countBy('country'),
      this.views.countBy('partyKind'),
      this.allMonths(),
    ]);
    return {
      asOf: now.toISOString(),
      customers,
      byStage: Object.fromEntries(lifecycleStages.map((stage, index) => [stage, stageCounts[index]])),
      byCountry: byCountry.map(({ value, count }) => ({ country: value as string | null, customers: count })).sort((a, b) => b.customers - a.customers),
      byPartyKind: byPartyKind.map(({ value, count }) => ({ partyKind: value as string | null, customers: count })),
      revenueByMonth: months,
    };
  }

  private async allMonths(): Promise<PlatformStats['revenueByMonth']> {
    const months: PlatformStats['revenueByMonth'] = [];
    for await (const { body } of this.sales.stream({ sort: { field: 'month', direction: 'asc' } })) {
      months.push({ month: body.month, currency: body.currency, orders: body.orders, revenue: body.revenue, refunds: body.refunds, returns: body.returns });
    }
    return months;
  }
}
