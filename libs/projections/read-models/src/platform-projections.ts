import { Customer360Document, customer360Projection, Customer360Rules, customer360RulesFrom } from '@cdp/customer-360';
import { ProjectionDefinition } from '@cdp/projection-engine';
import { salesByMonthProjection, SalesByMonthDocument } from '@cdp/sales-by-month';

/** Every read model of the platform: what a worker runs and what the API reads. */
export interface PlatformProjections {
  customer360Rules: Customer360Rules;
  customer360: ProjectionDefinition<Customer360Document>;
  salesByMonth: ProjectionDefinition<SalesByMonthDocument>;
  all: readonly ProjectionDefinition[];
}

/** @param customer360Rules overrides of the 360° view's default rules (CUSTOMER_360_RULES), validated here. */
export function platformProjections({ customer360Rules: overrides = {} }: { customer360Rules?: Record<string, unknown> } = {}): PlatformProjections {
  const customer360Rules = customer360RulesFrom(overrides);
  const customer360 = customer360Projection(customer360Rules);
  const salesByMonth = salesByMonthProjection();
  const all = [customer360, salesByMonth] as unknown as readonly ProjectionDefinition[];
  return { customer360Rules, customer360, salesByMonth, all };
}
