import { ValidationIssue } from '@cdp/event-model';

/** A campaign rule said no. The code is stable: HTTP problem types use it. */
export abstract class CampaignDomainError extends Error {
  abstract readonly code: string;
}

export class CampaignAlreadyPlannedError extends CampaignDomainError {
  readonly code = 'campaign-already-planned';
  constructor(readonly campaignId: string) {
    super(`campaign ${campaignId} is already planned: choose another campaignId, or read it with GET /v1/campaigns/${campaignId}`);
  }
}

export class NothingPromotedError extends CampaignDomainError {
  readonly code = 'nothing-promoted';
  constructor() {
    super('the campaign promotes nothing: give at least one product (products[].sku) or one category (categories[])');
  }
}

export class InvalidCampaignError extends CampaignDomainError {
  readonly code = 'invalid-campaign';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`the campaign is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}
