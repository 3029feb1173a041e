import { Inject, Injectable } from '@nestjs/common';
import { Customer360Document } from '@cdp/customer-360';
import { ReadCollection } from '@cdp/read-store';
import { CUSTOMER_360_COLLECTION, PLATFORM_PROJECTIONS } from '../projections/projection-tokens';
import { PlatformProjections } from '@cdp/read-models';
import { csvLine } from './csv-line';
import { customerSearchQuery } from './customer-search-query';
import { customerSummary, CustomerSummary, summaryColumns } from './customer-summary';
import { CustomerSearchParams } from './dtos/customer-search.params';

export interface CustomerSearchPage {
  items: CustomerSummary[];
  nextCursor: string | null;
  total?: number;
}

const defaultPageSize = 50;

/** Search over the 360° read model: one page as JSON, or every match as CSV or NDJSON lines, streamed. */
@Injectable()
export class CustomerSearchService {
  constructor(
    @Inject(CUSTOMER_360_COLLECTION) private readonly views: ReadCollection<Customer360Document>,
    @Inject(PLATFORM_PROJECTIONS) private readonly projections: PlatformProjections,
  ) {}

  async page(params: CustomerSearchParams, now = new Date()): Promise<CustomerSearchPage> {
    const rules = this.projections.customer360Rules;
    const { where, sort } = customerSearchQuery(params, now, rules);
    const [page, total] = await Promise.all([
      this.views.find({ where, sort, limit: params.limit ?? defaultPageSize, ...(params.cursor ? { after: params.cursor } : {}) }),
      params.total ? this.views.count(where) : Promise.resolve(undefined),
    ]);
    return {
      items: page.items.map((document) => customerSummary(document.body, now, rules)),
      nextCursor: page.nextCursor,
      ...(total === undefined ? {} : { total }),
    };
  }

  async *csv(params: CustomerSearchParams, now = new Date()): AsyncIterable<string> {
    yield csvLine(summaryColumns);
    for await (const summary of this.matches(params, now)) yield csvLine(summaryColumns.map((column) => summary[column]));
  }

  async *ndjson(params: CustomerSearchParams, now = new Date()): AsyncIterable<string> {
    for await (const summary of this.matches(params, now)) yield `${JSON.stringify(summary)}\n`;
  }

  private async *matches(params: CustomerSearchParams, now: Date): AsyncIterable<CustomerSummary> {
    const rules = this.projections.customer360Rules;
    const { where, sort } = customerSearchQuery(params, now, rules);
    for await (const document of this.views.stream({ where, sort })) yield customerSummary(document.body, now, rules);
  }
}
