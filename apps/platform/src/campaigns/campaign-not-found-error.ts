/** No campaign of that id was planned. */
export class CampaignNotFoundError extends Error {
  readonly code = 'campaign-not-found';
  constructor(readonly campaignId: string) {
    super(`No campaign ${campaignId} is planned: plan it with POST /v1/campaigns, or list the segments and campaigns you know.`);
  }
}
