import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller } from '../http/access/caller.decorator';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { CustomerIdPipe } from './customer-id.pipe';
import { CustomerEventsPageResponse } from './dtos/customer-events-page.response';
import { CustomerEventsQuery } from './dtos/customer-events.query';
import { GetCustomerEventsQuery } from './get-customer-events.query';

const defaultPageSize = 100;

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/events')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class CustomerEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Read the events recorded for a customer',
    description:
      'Oldest first, each in the current version of its type. Page with fromRevision = nextRevision. Personal fields are in clear for the personal-data role only, and left out otherwise.',
  })
  @ApiParam({ name: 'customerId', example: 'c-42' })
  @ApiOkResponse({ type: CustomerEventsPageResponse, description: 'One page of events, oldest first.' })
  @ApiProblemResponses({
    400: 'The customer id or a query parameter is invalid; errors names each one.',
    401: 'Unknown bearer token.',
    403: 'The analyst role is missing.',
    404: 'Nothing is recorded for this customer.',
    410: 'The customer was deleted for good.',
    503: 'The event store is unavailable: retry.',
  })
  list(
    @Param('customerId', CustomerIdPipe) customerId: string,
    @Query() { fromRevision = 0, limit = defaultPageSize }: CustomerEventsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<CustomerEventsPageResponse> {
    return this.queries.execute(new GetCustomerEventsQuery(customerId, fromRevision, limit, caller));
  }
}
