import { v5 as uuidV5 } from 'uuid';

const campaignPlanNamespace = '9b3f6c1e-2d4a-5e8b-a7c0-4f1d2e3b5a69';

/** The id of a campaign's CampaignPlanned, derived from the campaign id: planning it twice records one event. */
export function planEventId(campaignId: string): string {
  return uuidV5(`campaign/${campaignId}/CampaignPlanned`, campaignPlanNamespace);
}
