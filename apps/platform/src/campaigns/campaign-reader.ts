import { Inject, Injectable } from '@nestjs/common';
import { Campaign, campaignDecider } from '@cdp/campaigns';
import { campaignStream } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { foldStream } from '../event-sourcing/stream-state';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { CampaignNotFoundError } from './campaign-not-found-error';

const cachedCampaigns = 1_000;

/**
 * A campaign from its stream: the event store is its only record. A planned campaign never changes (it is planned
 * once), so the last ones read are kept: an eligibility check then reads only the customer's stream.
 */
@Injectable()
export class CampaignReader {
  private readonly cache = new Map<string, Campaign>();

  constructor(@Inject(SEALED_EVENT_STORE) private readonly store: EventStore) {}

  async campaign(campaignId: string): Promise<Campaign> {
    const cached = this.cache.get(campaignId);
    if (cached) return cached;
    const { state } = await foldStream(this.store, campaignStream(campaignId), campaignDecider);
    if (state === null) throw new CampaignNotFoundError(campaignId);
    if (this.cache.size >= cachedCampaigns) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(campaignId, state);
    return state;
  }
}
