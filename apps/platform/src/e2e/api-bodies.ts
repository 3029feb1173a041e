/** The shapes the e2e tests read back, as a client of the HTTP API sees them. */
export interface RecordedBody {
  eventId: string;
  streamId: string;
  revision: number;
  position: string;
}

export interface EventBody {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
  metadata: {
    correlationId: string;
    causationId: string;
    occurredAt: string;
    recordedAt: string;
    source: { service: string };
    actor: { kind: string; id: string };
  };
}

export interface EventsPageBody {
  streamId: string;
  events: EventBody[];
  nextRevision: number | null;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: { path: string; message: string }[];
}

export interface OpenApiBody {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
}

export async function readJson<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
