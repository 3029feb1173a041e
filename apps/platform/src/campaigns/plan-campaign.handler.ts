import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider } from '@cdp/campaigns';
import { campaignStream } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { handleCommand, HandledCommand } from '../event-sourcing/handle-command';
import { EVENT_STORE } from '../event-store/event-store.token';
import { PlanCampaignCommand } from './plan-campaign.command';

@CommandHandler(PlanCampaignCommand)
export class PlanCampaignHandler implements ICommandHandler<PlanCampaignCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ campaignId, campaign, eventId, metadata }: PlanCampaignCommand): Promise<HandledCommand> {
    return handleCommand({
      store: this.store,
      streamId: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'PlanCampaign', data: { campaignId, ...campaign } },
      eventId,
      metadata,
    });
  }
}
