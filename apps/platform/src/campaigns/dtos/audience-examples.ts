/** Response examples for the OpenAPI document: real shapes, from the tests' data. */
export const audienceSummaryExample = {
  audienceId: '8c0e6a2f-41d7-4b9e-9a53-7f2d1c6e0b48',
  campaignId: 'spring-lights',
  segmentId: 'uk-buyers',
  segmentVersion: 1,
  segmentArchived: false,
  asOf: '2011-12-01T09:00:00.000Z',
  computedAt: '2026-12-07T10:00:00.000Z',
  durationMs: 412,
  readModels: { position: '00000000000044579', headPosition: '00000000000044579' },
  counts: {
    members: 3_920,
    audience: 3_871,
    excluded: 49,
    byRule: { 'open-return': 0, 'recent-return': 17, 'open-complaint': 0, 'no-consent': 32, 'consent-withdrawn': 0 },
  },
};

export const audienceMembersExample = {
  audienceId: audienceSummaryExample.audienceId,
  items: [{ customerId: '12347' }],
  nextCursor: '0:12347',
};

export const excludedMembersExample = {
  audienceId: audienceSummaryExample.audienceId,
  items: [
    {
      customerId: '17850',
      reasons: [
        {
          rule: 'recent-return',
          productId: '85123A',
          promotedAs: { by: 'product', sku: '85123A' },
          since: '2011-11-20T11:02:00.000Z',
          until: '2011-12-20T11:02:00.000Z',
          eventIds: ['6f1c9a52-3d5e-5b8e-9a41-0c2d7e8f9b10', '0a4e2b6c-8d1f-5e3a-b7c9-2f4d6e8a0b13'],
          message: 'return C545220-3 of product 85123A was refunded at 2011-11-20T11:02:00.000Z, less than 30 days before',
        },
      ],
    },
  ],
  nextCursor: null,
};
