/** Response examples for the OpenAPI document: real shapes, from the tests' data. */
export const campaignExample = {
  campaignId: 'spring-lights',
  plannedAt: '2011-03-01T10:00:00.000Z',
  name: 'Spring lights',
  channel: 'email',
  purpose: 'marketing',
  products: [{ sku: '85123A', category: 'lighting' }],
  categories: [],
  audienceSegmentId: 'uk-buyers',
  sendAt: '2011-04-01T09:00:00.000Z',
  suppressionScope: 'product',
};

export const eligibilityExample = {
  campaignId: 'spring-lights',
  customerId: '17850',
  asOf: '2011-04-01T09:00:00.000Z',
  source: 'event-store',
  eligible: false,
  reasons: [
    {
      rule: 'recent-return',
      productId: '85123A',
      promotedAs: { by: 'product', sku: '85123A' },
      since: '2011-03-20T11:02:00.000Z',
      until: '2011-04-19T11:02:00.000Z',
      eventIds: ['6f1c9a52-3d5e-5b8e-9a41-0c2d7e8f9b10', '0a4e2b6c-8d1f-5e3a-b7c9-2f4d6e8a0b13'],
      message: 'return C545220-3 of product 85123A was refunded at 2011-03-20T11:02:00.000Z, less than 30 days before',
    },
  ],
};
