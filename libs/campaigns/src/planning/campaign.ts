import { CampaignPlannedData, RecordedEvent } from '@cdp/event-model';

/** A planned campaign: what the suppression rule and the audience read. */
export type Campaign = CampaignPlannedData & { campaignId: string; plannedAt: string };

/** The campaign after one event of its stream; null before CampaignPlanned. */
export function evolveCampaign(campaign: Campaign | null, event: Pick<RecordedEvent, 'type' | 'data' | 'streamId' | 'metadata'>): Campaign | null {
  if (event.type !== 'CampaignPlanned') return campaign;
  const data = event.data as unknown as CampaignPlannedData;
  return { ...data, campaignId: event.streamId.slice('campaign-'.length), plannedAt: event.metadata.occurredAt };
}
