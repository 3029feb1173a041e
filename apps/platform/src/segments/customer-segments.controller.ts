import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AudienceStores } from '@cdp/audiences';
import { MembershipChange } from '@cdp/segments';
import { CustomerIdPipe } from '../customers/customer-id.pipe';
import { CustomerNotFoundError } from '../customer-view/customer-not-found-error';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { AUDIENCE_STORES } from '../projections/projection-tokens';
import { CustomerSegmentsParams } from './dtos/customer-segments.params';
import { customerSegmentsExample } from './dtos/segment-examples';

export type CustomerSegments = {
  customerId: string;
  segments: { segmentId: string; name: string | null; since: string; version: number }[];
  nextCheckAt: string | null;
  history: MembershipChange[];
  historyNextCursor: string | null;
};

/** The segments of one customer now, and every entering and leaving that led there. */
@ApiTags('segments')
@ApiBearerAuth()
@Controller('v1/customers')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class CustomerSegmentsController {
  constructor(@Inject(AUDIENCE_STORES) private readonly audiences: AudienceStores) {}

  @Get(':customerId/segments')
  @ApiOperation({
    summary: 'The segments of a customer, and their history',
    description:
      'Current memberships (since when, under which version), when time alone may next change one (nextCheckAt), and the history of entering and leaving, newest first, each with its time and cause: an event (its position and id), the passing of time, or a (re)definition.',
  })
  @ApiParam({ name: 'customerId', example: '17850' })
  @ApiOkResponse({ description: 'Memberships and history.', schema: { type: 'object', example: customerSegmentsExample } })
  @ApiProblemResponses({ 400: 'A parameter is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such customer.' })
  async segments(@Param('customerId', CustomerIdPipe) customerId: string, @Query() { historyLimit = 100, historyCursor }: CustomerSegmentsParams): Promise<CustomerSegments> {
    const [profile, memberships, history] = await Promise.all([
      this.audiences.profiles.get(customerId),
      this.audiences.memberships.get(customerId),
      this.audiences.changes.find({
        where: [{ field: 'customerId', op: 'eq', value: customerId }],
        sort: { field: 'at', direction: 'desc' },
        limit: historyLimit,
        ...(historyCursor === undefined ? {} : { after: historyCursor }),
      }),
    ]);
    if (profile === null && memberships === null && history.items.length === 0) {
      throw new CustomerNotFoundError(`Nothing is known about customer ${customerId} yet: its segments appear once an event of it is projected.`);
    }
    const current = Object.entries(memberships?.body.segments ?? {});
    const names = await this.audiences.segments.getMany(current.map(([segmentId]) => segmentId));
    return {
      customerId,
      segments: current
        .map(([segmentId, { since, version }]) => ({ segmentId, name: names.get(segmentId)?.body.segment.name ?? null, since, version }))
        .sort((a, b) => (a.segmentId < b.segmentId ? -1 : 1)),
      nextCheckAt: memberships?.body.nextCheckAt ?? null,
      history: history.items.map((item) => item.body),
      historyNextCursor: history.nextCursor,
    };
  }
}
