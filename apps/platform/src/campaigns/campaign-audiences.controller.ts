import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BlockReason, expandedReasons, StoredReason } from '@cdp/campaigns';
import type { Response } from 'express';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { AggregateIdPipe } from '../http/params/aggregate-id.pipe';
import { parseInstant } from '../http/params/instant';
import { exportKeyedSet } from '../http/export/keyed-set-export';
import { SetPageParams } from '../http/params/set-page.params';
import { AudienceComputation } from './audience/audience-computation';
import { AudienceNotFoundError } from './audience/audience-errors';
import { audienceKey, AudienceSnapshots, excludedKey } from './audience/audience-snapshots';
import { AUDIENCE_SNAPSHOTS } from './audience/audience-snapshots.token';
import { AudienceSummary } from './audience/audience-summary';
import { CampaignReader } from './campaign-reader';
import { audienceMembersExample, audienceSummaryExample, excludedMembersExample } from './dtos/audience-examples';
import { ComputeAudienceRequest } from './dtos/compute-audience.request';

/** A campaign's audience: its segment's members minus those the suppression rule leaves out, and why each is left out. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('v1/campaigns')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class CampaignAudiencesController {
  constructor(
    private readonly campaigns: CampaignReader,
    private readonly computation: AudienceComputation,
    @Inject(AUDIENCE_SNAPSHOTS) private readonly snapshots: AudienceSnapshots,
  ) {}

  @Post(':campaignId/audience')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Compute the audience of a campaign',
    description:
      'The members of the campaign’s segment, minus those blocked for the campaign (an open or recent return, an open complaint, of a promoted product or category; no consent to the purpose on the channel), as of now or asOf. Counts each rule; the audience and the excluded members with their reasons are kept for export.',
  })
  @ApiParam({ name: 'campaignId', example: 'spring-lights' })
  @ApiCreatedResponse({ description: 'What was computed, and the counts.', schema: { type: 'object', example: audienceSummaryExample } })
  @ApiProblemResponses({
    400: 'The id or asOf is invalid.',
    401: 'Unknown bearer token.',
    403: 'The analyst role is missing.',
    404: 'No such campaign.',
    409: 'The campaign’s segment is not defined, or is still being evaluated.',
  })
  async compute(@Param('campaignId', new AggregateIdPipe('campaignId')) campaignId: string, @Body() { asOf }: ComputeAudienceRequest): Promise<AudienceSummary> {
    const campaign = await this.campaigns.campaign(campaignId);
    return this.computation.compute(campaign, asOf === undefined ? new Date() : (parseInstant(asOf) as Date));
  }

  @Get(':campaignId/audiences')
  @ApiOperation({ summary: 'The audiences computed for a campaign', description: 'Newest first.' })
  @ApiParam({ name: 'campaignId', example: 'spring-lights' })
  @ApiOkResponse({ description: 'Their summaries.', schema: { type: 'object', example: { audiences: [audienceSummaryExample] } } })
  @ApiProblemResponses({ 400: 'The id is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such campaign.' })
  async list(@Param('campaignId', new AggregateIdPipe('campaignId')) campaignId: string): Promise<{ audiences: AudienceSummary[] }> {
    await this.campaigns.campaign(campaignId);
    const page = await this.snapshots.summaries.find({
      where: [{ field: 'campaignId', op: 'eq', value: campaignId }],
      sort: { field: 'computedAt', direction: 'desc' },
      limit: 100,
    });
    return { audiences: page.items.map((item) => item.body) };
  }

  @Get(':campaignId/audiences/:audienceId')
  @ApiOperation({ summary: 'A computed audience' })
  @ApiParam({ name: 'campaignId', example: 'spring-lights' })
  @ApiOkResponse({ description: 'Its summary.', schema: { type: 'object', example: audienceSummaryExample } })
  @ApiProblemResponses({ 400: 'An id is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such campaign or audience.' })
  summary(@Param('campaignId', new AggregateIdPipe('campaignId')) campaignId: string, @Param('audienceId', new AggregateIdPipe('audienceId')) audienceId: string): Promise<AudienceSummary> {
    return this.summaryOf(campaignId, audienceId);
  }

  @Get(':campaignId/audiences/:audienceId/members')
  @ApiOperation({
    summary: 'The customers of a computed audience',
    description: 'A page at a time (follow nextCursor), or all of them streamed with format=csv or ndjson (or Accept: text/csv, application/x-ndjson).',
  })
  @ApiParam({ name: 'campaignId', example: 'spring-lights' })
  @ApiProduces('application/json', 'text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'A page, or all as CSV / NDJSON.', schema: { type: 'object', example: audienceMembersExample } })
  @ApiProblemResponses({ 400: 'A parameter is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such campaign or audience.' })
  async members(
    @Param('campaignId', new AggregateIdPipe('campaignId')) campaignId: string,
    @Param('audienceId', new AggregateIdPipe('audienceId')) audienceId: string,
    @Query() params: SetPageParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    await this.summaryOf(campaignId, audienceId);
    return exportKeyedSet(this.snapshots.sets, audienceKey(audienceId), params, res, {
      file: `${campaignId}-audience.csv`,
      item: (customerId) => ({ customerId }),
      csvHeader: ['customerId'],
      csvRows: (customerId) => [[customerId]],
      page: (items, nextCursor) => ({ audienceId, items, nextCursor }),
    });
  }

  @Get(':campaignId/audiences/:audienceId/excluded')
  @ApiOperation({
    summary: 'The customers a computed audience left out, and why',
    description:
      'Each with every reason: the rule, the product, since when, until when (null: until an event ends it), the ids of the events behind it. CSV gives one line per reason.',
  })
  @ApiParam({ name: 'campaignId', example: 'spring-lights' })
  @ApiProduces('application/json', 'text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'A page, or all as CSV / NDJSON.', schema: { type: 'object', example: excludedMembersExample } })
  @ApiProblemResponses({ 400: 'A parameter is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such campaign or audience.' })
  async excluded(
    @Param('campaignId', new AggregateIdPipe('campaignId')) campaignId: string,
    @Param('audienceId', new AggregateIdPipe('audienceId')) audienceId: string,
    @Query() params: SetPageParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    await this.summaryOf(campaignId, audienceId);
    const campaign = await this.campaigns.campaign(campaignId);
    const reasonsOf = (value: unknown): BlockReason[] => expandedReasons((value as { reasons: StoredReason[] }).reasons, campaign);
    return exportKeyedSet(this.snapshots.sets, excludedKey(audienceId), params, res, {
      file: `${campaignId}-excluded.csv`,
      item: (customerId, value) => ({ customerId, reasons: reasonsOf(value) }),
      csvHeader: ['customerId', 'rule', 'productId', 'since', 'until', 'eventIds', 'message'],
      csvRows: (customerId, value) =>
        reasonsOf(value).map((reason) => [customerId, reason.rule, reason.productId, reason.since, reason.until, reason.eventIds.join(' '), reason.message]),
      page: (items, nextCursor) => ({ audienceId, items, nextCursor }),
    });
  }

  private async summaryOf(campaignId: string, audienceId: string): Promise<AudienceSummary> {
    const found = await this.snapshots.summaries.get(audienceId);
    if (!found || found.body.campaignId !== campaignId) throw new AudienceNotFoundError(campaignId, audienceId);
    return found.body;
  }
}
