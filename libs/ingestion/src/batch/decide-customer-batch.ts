import { commandForEvent, CustomerCommand, CustomerDomainError, Decider, EventDraft } from '@cdp/customer';
import { EventMetadataInput, NewEvent } from '@cdp/event-model';
import { CurrentRevision } from '@cdp/event-store';
import { rejection } from '../message/rejection';
import { eventIdsFor } from './event-ids';
import { ItemOutcome } from './item-outcome';

/** What the write side knows of one customer stream: enough to decide, to check concurrency and to spot redeliveries. */
export interface KnownStream<State> {
  state: State;
  revision: CurrentRevision;
  /** The ids of the events in the stream. */
  eventIds: ReadonlySet<string>;
}

/** One message for the customer, in the current shape of its type, with the id its first event gets. */
export interface CustomerBatchItem {
  eventId: string;
  type: string;
  data: object;
  metadata: EventMetadataInput;
}

export interface DecidedBatch<State> {
  /** To append in one go, expecting the stream at the revision it was known at. */
  events: NewEvent[];
  /** One per item, in order. */
  outcomes: ItemOutcome[];
  /** The stream once `events` are appended. */
  next: KnownStream<State>;
}

/**
 * Decides a run of messages for one customer, in order, each on the state the previous ones
 * left. A message whose event id is already in the stream is a redelivery: it records nothing.
 * A rule that says no rejects that message only; the others still go through.
 */
export function decideCustomerBatch<State, Event extends EventDraft>(
  customerId: string,
  stream: KnownStream<State>,
  items: readonly CustomerBatchItem[],
  decider: Decider<State, CustomerCommand, Event>,
): DecidedBatch<State> {
  let state = stream.state;
  const eventIds = new Set(stream.eventIds);
  const events: NewEvent[] = [];
  const outcomes = items.map((item): ItemOutcome => {
    if (eventIds.has(item.eventId)) return { status: 'duplicate', eventIds: [item.eventId] };
    let drafts: Event[];
    try {
      drafts = decider.decide(commandForEvent(customerId, item), state);
    } catch (error) {
      if (error instanceof CustomerDomainError) return rejection(error.code, error.message, issuesOf(error));
      throw error;
    }
    if (drafts.length === 0) return { status: 'unchanged' };
    const ids = eventIdsFor(item.eventId, drafts.length);
    drafts.forEach((draft, index) => {
      state = decider.evolve(state, draft);
      eventIds.add(ids[index]);
      events.push({ eventId: ids[index], type: draft.type, schemaVersion: draft.schemaVersion, data: draft.data as NewEvent['data'], metadata: item.metadata });
    });
    return { status: 'recorded', eventIds: ids };
  });
  const revision = events.length === 0 ? stream.revision : (stream.revision === 'no_stream' ? -1 : stream.revision) + events.length;
  return { events, outcomes, next: { state, revision, eventIds } };
}

function issuesOf(error: CustomerDomainError) {
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? issues : undefined;
}
