import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { CustomerIdPipe } from './customer-id.pipe';
import { CustomerEventsPageResponse } from './dtos/customer-events-page.response';
import { CustomerEventsQuery } from './dtos/customer-events.query';
import { GetCustomerEventsQuery } from './get-customer-events.query';

const defaultPageSize = 100;

@ApiTags('customers')
@Controller('v1/customers/:customerId/events')
export class CustomerEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Read the events recorded for a customer',
    description: 'Oldest first, each in the current version of its type. Page with fromRevision = nextRevision.',
  })
  @ApiParam({ name: 'customerId', example: 'c-42' })
  @ApiOkResponse({ type: CustomerEventsPageResponse, description: 'One page of events, oldest first.' })
  @ApiProblemResponses({
    400: 'The customer id or a query parameter is invalid; errors names each one.',
    404: 'Nothing is recorded for this customer.',
    410: 'The customer was deleted for good.',
    503: 'The event store is unavailable: retry.',
  })
  list(
    @Param('customerId', CustomerIdPipe) customerId: string,
    @Query() { fromRevision = 0, limit = defaultPageSize }: CustomerEventsQuery,
  ): Promise<CustomerEventsPageResponse> {
    return this.queries.execute(new GetCustomerEventsQuery(customerId, fromRevision, limit));
  }
}
