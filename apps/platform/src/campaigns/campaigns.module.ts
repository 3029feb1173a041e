import { Module } from '@nestjs/common';
import { PlatformConfig } from '@cdp/config';
import { SuppressionRules } from '@cdp/campaigns';
import { PLATFORM_CONFIG } from '../platform-config.token';
import { CampaignReader } from './campaign-reader';
import { CampaignsController } from './campaigns.controller';
import { CustomerEligibilityService } from './customer-eligibility.service';
import { PlanCampaignHandler } from './plan-campaign.handler';
import { SUPPRESSION_RULES } from './suppression-rules.token';

@Module({
  controllers: [CampaignsController],
  providers: [
    PlanCampaignHandler,
    CampaignReader,
    CustomerEligibilityService,
    {
      provide: SUPPRESSION_RULES,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig): SuppressionRules => ({ coolingOffDays: config.campaigns.coolingOffDays }),
    },
  ],
  exports: [CampaignReader, CustomerEligibilityService, SUPPRESSION_RULES],
})
export class CampaignsModule {}
