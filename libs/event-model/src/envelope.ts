/** A JSON value as stored: what `JSON.parse(JSON.stringify(x))` gives back unchanged. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Who or what caused an event: a person, a service, or the platform itself. */
export interface Actor {
  kind: 'user' | 'service' | 'system';
  id: string;
}

/** Where an event entered the platform. Kafka coordinates make redelivery traceable. */
export interface EventSource {
  service: string;
  topic?: string;
  partition?: number;
  offset?: string;
}

/** Metadata as the writer supplies it. `recordedAt` is stamped by the event store. */
export interface EventMetadataInput {
  correlationId: string;
  causationId: string;
  /** Business time, from the source: when it happened, not when we heard of it. */
  occurredAt: string;
  source: EventSource;
  actor: Actor;
}

export interface EventMetadata extends EventMetadataInput {
  /** When the event store accepted the event (ISO 8601, UTC). */
  recordedAt: string;
}

/** An event ready to append: its id makes retries idempotent. */
export interface NewEvent<Type extends string = string, Data extends object = JsonObject> {
  eventId: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadataInput;
}

/**
 * An event as read back from the store: the one envelope every part of the platform sees.
 * `position` is opaque; compare positions as strings (their order is the log order).
 */
export interface RecordedEvent<Type extends string = string, Data extends object = JsonObject> {
  eventId: string;
  type: Type;
  schemaVersion: number;
  streamId: string;
  revision: number;
  position: string;
  data: Data;
  metadata: EventMetadata;
}
