/** The campaign's audience segment cannot give an audience now. */
export class AudienceSegmentNotReadyError extends Error {
  readonly code = 'audience-segment-not-ready';
}

export class AudienceNotFoundError extends Error {
  readonly code = 'audience-not-found';
  constructor(campaignId: string, audienceId: string) {
    super(`campaign ${campaignId} has no audience ${audienceId}: compute one with POST /v1/campaigns/${campaignId}/audience`);
  }
}
