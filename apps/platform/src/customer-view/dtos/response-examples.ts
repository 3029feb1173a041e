import { customer360View, defaultCustomer360Rules, foldCustomer360, summariseEvent, eventKindOf } from '@cdp/customer-360';
import { eventCatalogue, RecordedEvent } from '@cdp/event-model';

// Examples for /docs, made by the real fold from the catalogue's own examples: they cannot drift from the code.
const exampleTypes = ['CustomerRegistered', 'CustomerProfileUpdated', 'ConsentGranted', 'OrderPlaced', 'ReturnRequested', 'ComplaintOpened', 'InteractionRecorded'];
const events: RecordedEvent[] = exampleTypes.map((type, revision) => {
  const definition = eventCatalogue.definition(type);
  return {
    eventId: `00000000-0000-4000-8000-00000000000${revision}`,
    type,
    schemaVersion: definition.current,
    streamId: 'customer-17850',
    revision,
    position: String(revision + 1).padStart(20, '0'),
    data: definition.example as RecordedEvent['data'],
    metadata: {
      correlationId: 'c-1',
      causationId: 'c-1',
      occurredAt: new Date(Date.UTC(2011, 11, 1 + revision, 9)).toISOString(),
      recordedAt: new Date(Date.UTC(2011, 11, 1 + revision, 9, 0, 1)).toISOString(),
      source: { service: 'shop' },
      actor: { kind: 'service', id: 'shop' },
    },
  };
});
const asOf = new Date(Date.UTC(2011, 11, 10));
const document = foldCustomer360(events, defaultCustomer360Rules);

export const customer360Example = {
  customerId: '17850',
  asOf: asOf.toISOString(),
  source: 'read-model',
  position: events.at(-1)?.position,
  personalData: 'shown',
  view: document ? customer360View(document, asOf, defaultCustomer360Rules) : {},
};

export const timelineExample = {
  customerId: '17850',
  items: events
    .slice()
    .reverse()
    .slice(0, 2)
    .map((event) => ({
      eventId: event.eventId,
      revision: event.revision,
      position: event.position,
      type: event.type,
      kind: eventKindOf(event.type),
      schemaVersion: event.schemaVersion,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.metadata.recordedAt,
      summary: summariseEvent(event),
      data: event.data,
    })),
  nextBefore: 5,
};

export const customerSearchExample = {
  items: [
    {
      customerId: '17850',
      partyKind: 'customer',
      country: 'GB',
      lifecycleStage: 'churned',
      orderCount: 34,
      reportingRevenue: 5391.21,
      reportingCurrency: 'GBP',
      firstOrderAt: '2010-12-01T09:02:00.000Z',
      lastOrderAt: '2011-02-10T14:38:00.000Z',
      daysSinceLastOrder: 5400,
      rfm: '155',
      returnRate: 0.71,
      openComplaintCount: 0,
      churnRisk: 'high',
    },
  ],
  nextCursor: 'eyJ2IjpbNTM5MS4yMV0sImlkIjoiMTc4NTAifQ',
  total: 4372,
};
