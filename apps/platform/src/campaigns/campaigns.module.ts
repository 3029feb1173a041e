import { Module } from '@nestjs/common';
import { PlatformConfig } from '@cdp/config';
import { SuppressionRules } from '@cdp/campaigns';
import { ReadStore } from '@cdp/read-store';
import { PLATFORM_CONFIG } from '../platform-config.token';
import { READ_STORE } from '../read-store/read-store.token';
import { AudienceComputation } from './audience/audience-computation';
import { AudienceSnapshots } from './audience/audience-snapshots';
import { AUDIENCE_SNAPSHOTS } from './audience/audience-snapshots.token';
import { CampaignAudiencesController } from './campaign-audiences.controller';
import { CampaignReader } from './campaign-reader';
import { CampaignsController } from './campaigns.controller';
import { CustomerEligibilityService } from './customer-eligibility.service';
import { PlanCampaignHandler } from './plan-campaign.handler';
import { SUPPRESSION_RULES } from './suppression-rules.token';
import { SegmentsModule } from '../segments/segments.module';

@Module({
  imports: [SegmentsModule],
  controllers: [CampaignsController, CampaignAudiencesController],
  providers: [
    PlanCampaignHandler,
    CampaignReader,
    CustomerEligibilityService,
    AudienceComputation,
    { provide: AUDIENCE_SNAPSHOTS, inject: [READ_STORE], useFactory: (store: ReadStore) => AudienceSnapshots.open(store) },
    {
      provide: SUPPRESSION_RULES,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig): SuppressionRules => ({ coolingOffDays: config.campaigns.coolingOffDays }),
    },
  ],
  exports: [CampaignReader, CustomerEligibilityService, SUPPRESSION_RULES],
})
export class CampaignsModule {}
