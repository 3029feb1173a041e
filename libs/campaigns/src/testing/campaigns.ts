import { Campaign } from '../planning/campaign';

/** A campaign for tests: e-mail marketing promoting 85123A, scope product, unless told otherwise. */
export function campaignWith(overrides: Partial<Campaign> = {}): Campaign {
  return {
    campaignId: 'spring-lights',
    plannedAt: '2011-03-01T00:00:00.000Z',
    name: 'Spring lights',
    channel: 'email',
    purpose: 'marketing',
    products: [{ sku: '85123A' }],
    categories: [],
    audienceSegmentId: 'uk-buyers',
    sendAt: '2011-04-01T09:00:00.000Z',
    suppressionScope: 'product',
    ...overrides,
  };
}
