import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CustomerIdPipe } from '../customers/customer-id.pipe';
import { Caller, CurrentCaller } from '../http/access/caller.decorator';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { parseInstant } from '../http/params/instant';
import { CustomerSearchService } from './customer-search.service';
import { Customer360Params } from './dtos/customer-360.params';
import { CustomerSearchParams } from './dtos/customer-search.params';
import { CustomerTimelineParams } from './dtos/customer-timeline.params';
import { GetCustomer360Query } from './get-customer-360.query';
import { GetCustomerTimelineQuery } from './get-customer-timeline.query';
import { streamLines } from '../http/export/stream-lines';
import { customer360Example, customerSearchExample, timelineExample } from './dtos/response-examples';

/** What analysts read: the 360° view of one customer, its timeline, and search over all of them. */
@ApiTags('customer view')
@ApiBearerAuth()
@Controller('v1/customers')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class CustomerViewController {
  constructor(
    private readonly queries: QueryBus,
    private readonly search: CustomerSearchService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search customers',
    description:
      'Filters combine with AND. JSON gives one page (follow nextCursor); format=csv or ndjson (or Accept: text/csv, application/x-ndjson) streams every match.',
  })
  @ApiProduces('application/json', 'text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'A page of customers, or every match as CSV / NDJSON.', schema: { type: 'object', example: customerSearchExample } })
  @ApiProblemResponses({ 400: 'A parameter is invalid; errors names it.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 503: 'The read store is unavailable.' })
  async list(@Query() params: CustomerSearchParams, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const format = params.format ?? formatFromAccept(res.req.headers.accept);
    if (format === 'csv') {
      res.setHeader('Content-Disposition', 'attachment; filename="customers.csv"');
      await streamLines(res, 'text/csv; charset=utf-8', this.search.csv(params));
      return undefined;
    }
    if (format === 'ndjson') {
      await streamLines(res, 'application/x-ndjson', this.search.ndjson(params));
      return undefined;
    }
    return this.search.page(params);
  }

  @Get(':customerId')
  @ApiOperation({
    summary: 'The 360° view of a customer',
    description:
      'Profile (personal fields only for the personal-data role), identities, consents, lifecycle stage, orders, RFM, returns, complaints, interactions, appetence, churn risk, recent activity. With asOf, the view at that moment of business time.',
  })
  @ApiParam({ name: 'customerId', example: '17850' })
  @ApiOkResponse({ description: 'The view.', schema: { type: 'object', example: customer360Example } })
  @ApiProblemResponses({ 400: 'The id or asOf is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such customer (at asOf).' })
  view(@Param('customerId', CustomerIdPipe) customerId: string, @Query() { asOf }: Customer360Params, @CurrentCaller() caller: Caller): Promise<unknown> {
    return this.queries.execute(new GetCustomer360Query(customerId, caller, asOf === undefined ? undefined : parseInstant(asOf)));
  }

  @Get(':customerId/timeline')
  @ApiOperation({
    summary: 'The full timeline of a customer',
    description: 'Read from the customer’s stream in the event store, newest first; page with before = nextBefore.',
  })
  @ApiParam({ name: 'customerId', example: '17850' })
  @ApiOkResponse({ description: 'One page of the timeline.', schema: { type: 'object', example: timelineExample } })
  @ApiProblemResponses({ 400: 'A parameter is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'Nothing is recorded for this customer.' })
  timeline(
    @Param('customerId', CustomerIdPipe) customerId: string,
    @Query() { kind, from, to, before, limit = 50 }: CustomerTimelineParams,
    @CurrentCaller() caller: Caller,
  ): Promise<unknown> {
    const filter = {
      ...(kind ? { kinds: new Set(kind) } : {}),
      ...(from ? { from: parseInstant(from) } : {}),
      ...(to ? { to: parseInstant(to) } : {}),
    };
    return this.queries.execute(new GetCustomerTimelineQuery(customerId, caller, filter, before, limit));
  }
}

function formatFromAccept(accept: string | undefined): 'json' | 'csv' | 'ndjson' {
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('application/x-ndjson')) return 'ndjson';
  return 'json';
}
