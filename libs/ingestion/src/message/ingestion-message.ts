import { IdentifierKind } from '@cdp/event-model';

/** Another identifier of a party, which the platform resolves to its customer id. */
export interface PartyIdentifier {
  kind: IdentifierKind;
  value: string;
}

export type PartyReference = { customerId: string } | { identifier: PartyIdentifier };

/**
 * A message that passed every check that needs no state: a known type and version, data valid
 * for that version, a party to file it under. `data` is already upcast to the type's current shape.
 */
export interface ValidIngestionMessage {
  type: string;
  /** The version the producer wrote; `data` is in the current version's shape. */
  schemaVersion: number;
  data: object;
  party: PartyReference;
  /** The producer's own id for the event; absent, the source derives one (e.g. from Kafka coordinates). */
  eventId?: string;
  occurredAt: string;
  correlationId?: string;
}
