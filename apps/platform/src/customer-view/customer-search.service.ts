import { Inject, Injectable } from '@nestjs/common';
import { Customer360Document } from '@cdp/customer-360';
import { ReadCollection } from '@cdp/read-store';
import { CUSTOMER_360_COLLECTION, PLATFORM_PROJECTIONS } from '../projections/projection-tokens';
import { PlatformProjections } from '@cdp/read-models';
import { csvLine } from '../http/export/csv-line';
import { customerSearchQuery } from './customer-search-query';
import { customerSummary, CustomerSummary, summaryColumns } from './customer-summary';
import { CustomerSearchParams } from './dtos/customer-search.params';
import { RequestValidationError } from '../http/request-validation-error';

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

  /** The header comes after the first match is read: a refused query or an unavailable store is still a problem response. */
  async *csv(params: CustomerSearchParams, now = new Date()): AsyncIterable<string> {
    const matches = this.matches(params, now);
    try {
      let next = await matches.next();
      yield csvLine(summaryColumns);
      for (; !next.done; next = await matches.next()) {
        const summary = next.value;
        yield csvLine(summaryColumns.map((column) => summary[column]));
      }
    } finally {
      await matches.return(undefined);
    }
  }

  async *ndjson(params: CustomerSearchParams, now = new Date()): AsyncIterable<string> {
    for await (const summary of this.matches(params, now)) yield `${JSON.stringify(summary)}\n`;
  }

  /** Every match, or the first `limit`: an export is not paged, so a cursor or a total has no meaning there. */
  private async *matches(params: CustomerSearchParams, now: Date): AsyncGenerator<CustomerSummary, void, undefined> {
    const misplaced = (['cursor', 'total'] as const).filter((name) => params[name] !== undefined);
    if (misplaced.length > 0) {
      throw new RequestValidationError(
        misplaced.map((name) => ({ path: name, message: `${name} applies to JSON pages; an export (format=${params.format ?? 'csv or ndjson'}) streams every match: remove ${name}` })),
      );
    }
    const rules = this.projections.customer360Rules;
    const { where, sort } = customerSearchQuery(params, now, rules);
    let left = params.limit ?? Number.POSITIVE_INFINITY;
    for await (const document of this.views.stream({ where, sort })) {
      yield customerSummary(document.body, now, rules);
      if (--left === 0) return;
    }
  }
}
