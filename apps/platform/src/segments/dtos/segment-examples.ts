/** Response examples for the OpenAPI document: real shapes, from the tests' data. */
export const segmentExample = {
  segmentId: 'candle-lovers',
  name: 'Recent candle buyers',
  description: 'Bought a candle in the last 90 days and may be emailed.',
  conditions: { all: [{ consent: { channel: 'email', purpose: 'marketing' } }, { bought: { category: 'candles', atLeast: 1, withinDays: 90 } }] },
  version: 2,
  definedAt: '2026-11-30T09:12:00.000Z',
  versionDefinedAt: '2026-12-01T10:00:00.000Z',
  archivedAt: null,
  archiveReason: null,
  status: 'evaluating',
  evaluation: { version: 2, evaluated: 420_000, total: 1_000_000, progress: 0.42, startedAt: '2026-12-01T10:00:00.000Z', finishedAt: null },
  size: 18_250,
  sizeOverTime: [
    { day: '2026-11-30', size: 17_940 },
    { day: '2026-12-01', size: 18_250 },
  ],
};

export const membersExample = {
  segmentId: 'candle-lovers',
  items: [{ customerId: '12347' }, { customerId: '17850' }],
  nextCursor: '3:17850',
};

export const customerSegmentsExample = {
  customerId: '17850',
  segments: [{ segmentId: 'candle-lovers', name: 'Recent candle buyers', since: '2026-11-30T09:12:04.002Z', version: 2 }],
  nextCheckAt: '2027-02-28T09:12:00.001Z',
  history: [
    {
      changeId: '0b7c2f4e-9d3a-5c1e-8f6b-2a4d6c8e0f13',
      segmentId: 'candle-lovers',
      segmentVersion: 1,
      customerId: '17850',
      change: 'entered',
      at: '2026-11-30T09:12:04.002Z',
      cause: { kind: 'event', position: '00000000000000044512', eventId: '6f1c9a52-3d5e-5b8e-9a41-0c2d7e8f9b10' },
    },
  ],
  historyNextCursor: null,
};
