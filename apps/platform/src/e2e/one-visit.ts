/** A customer registered, then one web visit: the smallest history the 360° view folds into a document. */
export function registeredWithOneVisit(customerId: string): Record<string, unknown>[] {
  return [
    { type: 'CustomerRegistered', customerId, occurredAt: '2025-01-01T00:00:00Z', data: { partyKind: 'customer' } },
    { type: 'InteractionRecorded', customerId, occurredAt: '2025-01-02T00:00:00Z', data: { channel: 'web', direction: 'inbound', kind: 'visit' } },
  ];
}

/** POST /v1/events with a batch. */
export function postEvents(baseUrl: string, events: Record<string, unknown>[]): Promise<Response> {
  return fetch(`${baseUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
}
