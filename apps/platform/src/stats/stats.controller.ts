import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { PlatformStats, PlatformStatsService } from './platform-stats.service';

@ApiTags('customer view')
@ApiBearerAuth()
@Controller('v1/stats')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class StatsController {
  constructor(private readonly stats: PlatformStatsService) {}

  @Get()
  @ApiOperation({ summary: 'Counts by lifecycle stage, country and party kind; orders and revenue by month and currency' })
  @ApiOkResponse({
    description: 'The figures now.',
    schema: {
      type: 'object',
      example: {
        asOf: '2026-11-23T10:00:00.000Z',
        customers: 4372,
        byStage: { prospect: 0, active: 0, 'at-risk': 0, churned: 4372 },
        byCountry: [{ country: 'GB', customers: 3950 }],
        byPartyKind: [{ partyKind: 'customer', customers: 4372 }],
        revenueByMonth: [{ month: '2010-12', currency: 'GBP', orders: 1400, revenue: 572713.89, refunds: 1021.4, returns: 690 }],
      },
    },
  })
  @ApiProblemResponses({ 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 503: 'The read store is unavailable.' })
  get(): Promise<PlatformStats> {
    return this.stats.stats();
  }
}
