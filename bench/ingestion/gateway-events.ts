import { CustomerState, customerDecider } from '@cdp/customer';
import { Actor, eventCatalogue, EventMetadataInput, NewEvent } from '@cdp/event-model';
import { decideCustomerBatch, eventIdsFor, isRejection, KnownStream, parseIngestionBytes, ValidIngestionMessage } from '@cdp/ingestion';
import { Backlog } from './backlog';

/** The platform's defaults, which the end-to-end run keeps: SERVICE_NAME (the Kafka client id) and INGEST_MAX_MESSAGE_BYTES. */
export const platformServiceName = 'cdp-platform';
export const maxMessageBytes = 262_144;

/** What the gateway decides for one of the file's messages: the same in every repetition, ids aside. */
interface Decision {
  correlationId?: string;
  occurredAt: string;
  drafts: { type: string; schemaVersion: number; data: NewEvent['data'] }[];
}

export interface Coordinates {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Builds the events the Kafka gateway appends for each message of the backlog, as it builds them:
 * the value parsed and validated by `parseIngestionBytes` (data upcast), decided by the customer
 * decider on the customer's history, with the gateway's metadata (source coordinates, actor).
 * The decisions are made once, untimed, on the file's messages; a repetition differs only in ids.
 */
export class GatewayEvents {
  private readonly decisions: Decision[];

  constructor(readonly backlog: Backlog) {
    this.decisions = decideAll(backlog);
  }

  /** Events per message, all repetitions together: what the store must hold after ingesting the backlog. */
  eventCount(messages: number): number {
    let count = 0;
    for (let i = 0; i < messages; i++) count += this.decisions[this.backlog.originalIndex(i)].drafts.length;
    return count;
  }

  /** Events of the file (one repetition) with at least one personal field present: the ones the cipher encrypts. */
  personalFieldCount(): number {
    return this.decisions.reduce(
      (count, { drafts }) =>
        count + drafts.filter(({ type, schemaVersion, data }) => eventCatalogue.personalDataPaths(type, schemaVersion).some((path) => valueAt(data, path) !== undefined)).length,
      0,
    );
  }

  /** An order-independent digest of the ids of every event the first `messages` messages become. */
  expectedDigest(messages: number): EventIdDigest {
    const digest = new EventIdDigest();
    for (let i = 0; i < messages; i++) {
      const count = this.decisions[this.backlog.originalIndex(i)].drafts.length;
      for (const id of eventIdsFor(this.backlog.eventId(i), count)) digest.add(id);
    }
    return digest;
  }

  /** The events of message i, read at these Kafka coordinates. */
  eventsOf(i: number, { topic, partition, offset }: Coordinates): NewEvent[] {
    const decision = this.decisions[this.backlog.originalIndex(i)];
    const eventId = this.backlog.eventId(i);
    const actor: Actor = { kind: 'service', id: `kafka:${topic}` };
    // Field for field the metadata IngestionService builds.
    const metadata: EventMetadataInput = {
      correlationId: decision.correlationId ?? eventId,
      causationId: eventId,
      occurredAt: decision.occurredAt,
      source: { service: platformServiceName, topic, partition, offset },
      actor,
    };
    const ids = eventIdsFor(eventId, decision.drafts.length);
    return decision.drafts.map((draft, k) => ({ eventId: ids[k], type: draft.type, schemaVersion: draft.schemaVersion, data: draft.data, metadata }));
  }
}

function decideAll(backlog: Backlog): Decision[] {
  const streams = new Map<string, KnownStream<CustomerState>>();
  return backlog.base.map((_, j) => {
    const parsed = parseIngestionBytes(JSON.stringify(backlog.message(j)), { maxMessageBytes });
    if (isRejection(parsed)) throw new Error(`message ${j} of the file is refused (${parsed.code}): ${parsed.message}`);
    const message = parsed as ValidIngestionMessage;
    const customerId = (message.party as { customerId: string }).customerId;
    const known = streams.get(customerId) ?? { state: customerDecider.initialState(), revision: 'no_stream', eventIds: new Set<string>() };
    const item = { eventId: message.eventId as string, type: message.type, data: message.data, metadata: {} as EventMetadataInput };
    const { events, outcomes, next } = decideCustomerBatch(customerId, known, [item], customerDecider);
    if (isRejection(outcomes[0])) throw new Error(`message ${j} of the file is refused by the decider (${outcomes[0].code})`);
    streams.set(customerId, next);
    return {
      correlationId: message.correlationId,
      occurredAt: message.occurredAt,
      drafts: events.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data })),
    };
  });
}

function valueAt(data: object, path: readonly string[]): unknown {
  let value: unknown = data;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Count and two sums over parts of the ids: a lost, extra or repeated event changes them. */
export class EventIdDigest {
  count = 0;
  private high = 0;
  private low = 0;

  add(eventId: string): void {
    this.count++;
    // Each part < 2^32, so ~2 million ids stay exact below 2^53.
    this.high += parseInt(eventId.slice(0, 8), 16);
    this.low += parseInt(eventId.slice(28, 36), 16);
  }

  equals(other: EventIdDigest): boolean {
    return this.count === other.count && this.high === other.high && this.low === other.low;
  }
}
