import { CampaignPlannedData, eventCatalogue, NewEvent, RecordedEvent } from '@cdp/event-model';
import { Campaign, evolveCampaign } from './campaign';
import { CampaignAlreadyPlannedError, InvalidCampaignError, NothingPromotedError } from './campaign-errors';

export type PlanCampaign = { type: 'PlanCampaign'; data: CampaignPlannedData & { campaignId: string } };
export type CampaignPlanned = Pick<NewEvent<'CampaignPlanned', CampaignPlannedData>, 'type' | 'schemaVersion' | 'data'>;

/** A campaign is planned once; what it promotes is fixed from then on, so every eligibility answer stays explainable. */
export function decidePlanCampaign(command: PlanCampaign, state: Campaign | null): CampaignPlanned[] {
  const { campaignId, ...data } = command.data;
  if (state !== null) throw new CampaignAlreadyPlannedError(campaignId);
  const issues = eventCatalogue.validate('CampaignPlanned', 1, data);
  if (issues.length > 0) throw new InvalidCampaignError(issues);
  if (data.products.length === 0 && data.categories.length === 0) throw new NothingPromotedError();
  return [{ type: 'CampaignPlanned', schemaVersion: 1, data }];
}

/** The three functions the command handler needs (the shape of @cdp/customer's Decider). */
export const campaignDecider = {
  initialState: (): Campaign | null => null,
  evolve: (state: Campaign | null, event: CampaignPlanned) => evolveCampaign(state, event as unknown as RecordedEvent),
  decide: decidePlanCampaign,
};
