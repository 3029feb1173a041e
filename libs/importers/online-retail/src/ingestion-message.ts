/**
 * The ingestion message of the shared contract (Kafka value, HTTP body item, NDJSON line),
 * as plain JSON: this importer never depends on the event-model DTO classes.
 */
export interface IngestionMessage<TData = Record<string, unknown>> {
  readonly type: string;
  readonly schemaVersion: number;
  readonly customerId: string;
  readonly eventId: string;
  /** ISO 8601, UTC. */
  readonly occurredAt: string;
  /** The invoice number the message comes from. */
  readonly correlationId: string;
  readonly data: TData;
}
