import { CampaignPlannedData, EventMetadataInput } from '@cdp/event-model';

export class PlanCampaignCommand {
  constructor(
    readonly campaignId: string,
    readonly campaign: CampaignPlannedData,
    readonly eventId: string,
    readonly metadata: EventMetadataInput,
  ) {}
}
