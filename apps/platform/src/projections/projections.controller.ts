import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionStatus } from '@cdp/projection-engine';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { READ_MODEL_WORKERS } from './projection-tokens';
import { ReadModelWorkers } from './read-model-workers';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('v1/projections')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class ProjectionsController {
  constructor(@Inject(READ_MODEL_WORKERS) private readonly worker: ReadModelWorkers) {}

  @Get()
  @ApiOperation({
    summary: 'The projections that write the read models, and how far behind they are',
    description:
      'State (catching-up, running, stopped, failed with the event and the error), checkpoint, events applied, rate, and lag in events and seconds behind the head of the event store.',
  })
  @ApiOkResponse({
    description: 'One entry per projection.',
    schema: {
      type: 'object',
      example: {
        projections: [
          {
            name: 'customer-360',
            version: 1,
            collection: 'customer_360_v1',
            state: 'running',
            position: '00000000000000044579',
            eventsApplied: 44579,
            ratePerSecond: 0,
            lag: { events: 0, eventsCapped: false, seconds: 0 },
            headPosition: '00000000000000044579',
            retries: 0,
            updatedAt: '2026-11-23T10:00:00.000Z',
          },
        ],
      },
    },
  })
  @ApiProblemResponses({ 401: 'Unknown bearer token.', 403: 'The analyst role is missing.' })
  async list(): Promise<{ projections: ProjectionStatus[] }> {
    return { projections: await this.worker.statuses() };
  }
}
