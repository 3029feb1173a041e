import { Inject, Injectable } from '@nestjs/common';
import { Campaign, campaignDecider } from '@cdp/campaigns';
import { campaignStream } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { foldStream } from '../event-sourcing/stream-state';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { CampaignNotFoundError } from './campaign-not-found-error';

/** A campaign from its stream: the event store is its only record, and it is a few events long. */
@Injectable()
export class CampaignReader {
  constructor(@Inject(SEALED_EVENT_STORE) private readonly store: EventStore) {}

  async campaign(campaignId: string): Promise<Campaign> {
    const { state } = await foldStream(this.store, campaignStream(campaignId), campaignDecider);
    if (state === null) throw new CampaignNotFoundError(campaignId);
    return state;
  }
}
