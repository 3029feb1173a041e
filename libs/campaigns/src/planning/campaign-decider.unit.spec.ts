import { campaignDecider, PlanCampaign } from './campaign-decider';
import { CampaignAlreadyPlannedError, InvalidCampaignError, NothingPromotedError } from './campaign-errors';
import { campaignWith } from '../testing/campaigns';

const plan = (overrides: object = {}): PlanCampaign => {
  const { campaignId, plannedAt: _plannedAt, ...data } = campaignWith();
  return { type: 'PlanCampaign', data: { campaignId, ...data, ...overrides } };
};

describe('planning a campaign', () => {
  it('records CampaignPlanned once, without its id (the stream names it)', () => {
    const events = campaignDecider.decide(plan(), campaignDecider.initialState());
    expect(events).toEqual([{ type: 'CampaignPlanned', schemaVersion: 1, data: expect.not.objectContaining({ campaignId: expect.anything() }) }]);
    expect(events[0].data).toMatchObject({ name: 'Spring lights', products: [{ sku: '85123A' }], suppressionScope: 'product' });
  });

  it('refuses a second plan in the same stream', () => {
    expect(() => campaignDecider.decide(plan(), campaignWith())).toThrow(CampaignAlreadyPlannedError);
  });

  it('refuses a campaign that promotes nothing, and says what to add', () => {
    expect(() => campaignDecider.decide(plan({ products: [], categories: [] }), null)).toThrow(NothingPromotedError);
    expect(() => campaignDecider.decide(plan({ products: [], categories: [] }), null)).toThrow(/products\[\]\.sku.*categories\[\]/);
  });

  it('names each invalid field', () => {
    const attempt = () => campaignDecider.decide(plan({ channel: 'pigeon', sendAt: 'tomorrow' }), null);
    expect(attempt).toThrow(InvalidCampaignError);
    expect(attempt).toThrow(/data\.channel.*data\.sendAt|data\.sendAt.*data\.channel/);
  });

  it('folds the plan back into the campaign, named by its stream', () => {
    const [planned] = campaignDecider.decide(plan(), null);
    const recorded = { ...planned, streamId: 'campaign-spring-lights', metadata: { occurredAt: '2011-03-01T00:00:00.000Z' } };
    expect(campaignDecider.evolve(null, recorded as never)).toEqual(campaignWith());
  });
});
