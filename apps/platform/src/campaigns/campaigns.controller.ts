import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Campaign } from '@cdp/campaigns';
import { PlatformConfig } from '@cdp/config';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequiresRole, RolesGuard } from '../http/access/roles.guard';
import { ApiProblemResponses } from '../http/api-problem-responses';
import { commandMetadataFrom } from '../http/command-context';
import { AggregateIdPipe } from '../http/params/aggregate-id.pipe';
import { parseInstant } from '../http/params/instant';
import { PLATFORM_CONFIG } from '../platform-config.token';
import { CampaignReader } from './campaign-reader';
import { CustomerEligibilityService, EligibilityAnswer } from './customer-eligibility.service';
import { campaignExample, eligibilityExample } from './dtos/campaign-examples';
import { EligibilityParams } from './dtos/eligibility.params';
import { PlanCampaignRequest } from './dtos/plan-campaign.request';
import { PlanCampaignCommand } from './plan-campaign.command';
import { planEventId } from './plan-event-id';

/** Campaigns, and the rule that keeps a customer who is returning or complaining about a product out of its promotion. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('v1/campaigns')
@UseGuards(RolesGuard)
@RequiresRole('analyst')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly campaigns: CampaignReader,
    private readonly eligibility: CustomerEligibilityService,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Plan a campaign', description: 'Appends CampaignPlanned to campaign-<campaignId>. A retry with the same campaignId and body answers the first time again.' })
  @ApiCreatedResponse({ description: 'The campaign as planned.', schema: { type: 'object', example: campaignExample } })
  @ApiProblemResponses({
    400: 'A field is invalid, or the campaign promotes nothing; errors names each field.',
    401: 'Unknown bearer token.',
    403: 'The analyst role is missing.',
    409: 'Another campaign already has this campaignId.',
  })
  async plan(@Body() body: PlanCampaignRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Campaign> {
    const { campaignId = randomUUID(), sendAt, products = [], categories = [], suppressionScope = 'product', ...rest } = body;
    const metadata = commandMetadataFrom(req, { serviceName: this.config.serviceName, occurredAt: new Date().toISOString() });
    const campaign = {
      ...rest,
      products: products.map(({ sku, category }) => (category === undefined ? { sku } : { sku, category })),
      categories,
      sendAt: (parseInstant(sendAt) as Date).toISOString(),
      suppressionScope,
    } as PlanCampaignCommand['campaign'];
    // The campaign id names the stream; its first event's id is derived from it, so a retry is recognised.
    const handled = await this.commands.execute(new PlanCampaignCommand(campaignId, campaign, planEventId(campaignId), metadata));
    if (handled.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return this.campaigns.campaign(campaignId);
  }

  @Get(':campaignId')
  @ApiOperation({ summary: 'A campaign', description: 'Read from its stream in the event store.' })
  @ApiParam({ name: 'campaignId', example: 'spring-lights' })
  @ApiOkResponse({ description: 'The campaign.', schema: { type: 'object', example: campaignExample } })
  @ApiProblemResponses({ 400: 'The id is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such campaign.' })
  campaign(@Param('campaignId', new AggregateIdPipe('campaignId')) campaignId: string): Promise<Campaign> {
    return this.campaigns.campaign(campaignId);
  }

  @Get(':campaignId/eligibility/:customerId')
  @ApiOperation({
    summary: 'May this customer be sent this campaign, and if not, why?',
    description:
      'Decided on the customer’s stream in the event store: a return recorded a moment ago already counts. Each reason gives the rule, the product, since when, until when (null: until an event ends it) and the ids of the events behind it.',
  })
  @ApiParam({ name: 'campaignId', example: 'spring-lights' })
  @ApiParam({ name: 'customerId', example: '17850' })
  @ApiOkResponse({ description: 'The answer and its reasons.', schema: { type: 'object', example: eligibilityExample } })
  @ApiProblemResponses({ 400: 'An id or asOf is invalid.', 401: 'Unknown bearer token.', 403: 'The analyst role is missing.', 404: 'No such campaign.' })
  async customerEligibility(
    @Param('campaignId', new AggregateIdPipe('campaignId')) campaignId: string,
    @Param('customerId', new AggregateIdPipe('customerId')) customerId: string,
    @Query() { asOf }: EligibilityParams,
  ): Promise<EligibilityAnswer> {
    const campaign = await this.campaigns.campaign(campaignId);
    return this.eligibility.eligibility(campaign, customerId, asOf === undefined ? new Date() : (parseInstant(asOf) as Date));
  }
}
