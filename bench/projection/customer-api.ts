/** The two calls of the platform's HTTP API the benchmark makes, as any client makes them. */

export interface CustomerViewAnswer {
  status: number;
  /** The view's interactionCount when found. */
  interactionCount?: number;
}

export async function getCustomerView(baseUrl: string, customerId: string): Promise<CustomerViewAnswer> {
  const res = await fetch(`${baseUrl}/v1/customers/${encodeURIComponent(customerId)}`);
  const text = await res.text();
  if (res.status !== 200) return { status: res.status };
  return { status: 200, interactionCount: (JSON.parse(text) as { view: { interactionCount: number } }).view.interactionCount };
}

/** An interaction, valid for any registered customer: the 360° view counts it (interactionCount). */
export function interaction(customerId: string, occurredAt: Date): Record<string, unknown> {
  return {
    type: 'InteractionRecorded',
    customerId,
    occurredAt: occurredAt.toISOString(),
    data: { channel: 'web', direction: 'inbound', kind: 'page-viewed' },
  };
}

export interface PostAnswer {
  status: number;
  /** Events recorded: 1 for a single event answered 201, the batch's count of recorded ones for a batch. */
  recorded: number;
}

/** POST /v1/events with one event (an object) or a batch (an array). */
export async function postEvents(baseUrl: string, body: unknown): Promise<PostAnswer> {
  const res = await fetch(`${baseUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (Array.isArray(body)) return { status: res.status, recorded: res.status === 200 ? (JSON.parse(text) as { counts: { recorded: number } }).counts.recorded : 0 };
  return { status: res.status, recorded: res.status === 201 ? 1 : 0 };
}
