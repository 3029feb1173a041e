import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { eventKindOf, summariseEvent } from '@cdp/customer-360';
import { customerStream, eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { EventStore, StreamNotFoundError } from '@cdp/event-store';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { PersonalData } from '../personal-data/open-personal-data';
import { PERSONAL_DATA } from '../personal-data/personal-data.module';
import { CustomerNotFoundError } from './customer-not-found-error';
import { GetCustomerTimelineQuery, TimelineEntry, TimelineFilter, TimelinePage } from './get-customer-timeline.query';
import { eventForCaller } from './personal-fields';

const readChunk = 500;

/** The customer's stream, the source of truth, newest first, filtered while it is read: no page is built from the whole history. */
@QueryHandler(GetCustomerTimelineQuery)
export class GetCustomerTimelineHandler implements IQueryHandler<GetCustomerTimelineQuery> {
  constructor(
    @Inject(SEALED_EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  async execute({ customerId, caller, filter, before, limit }: GetCustomerTimelineQuery): Promise<TimelinePage> {
    const streamId = customerStream(customerId);
    const items: TimelineEntry[] = [];
    let from: number | 'end' = before === undefined ? 'end' : before - 1;
    while (items.length < limit && (from === 'end' || from >= 0)) {
      let examined = 0;
      let lowest: number | undefined;
      try {
        for await (const recorded of this.store.readStream(streamId, { fromRevision: from, direction: 'backwards', maxCount: readChunk })) {
          examined += 1;
          lowest = recorded.revision;
          if (!matches(recorded, filter)) continue;
          const event = eventCatalogue.upcast(await eventForCaller(recorded, customerId, this.personalData.cipher, caller.seesPersonalData));
          items.push(entryOf(event));
          if (items.length === limit) break;
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) throw new CustomerNotFoundError(`Nothing is recorded for customer ${customerId}.`);
        throw error;
      }
      if (examined === 0 || lowest === undefined) return { customerId, items, nextBefore: null };
      if (items.length === limit) return { customerId, items, nextBefore: lowest > 0 ? lowest : null };
      if (examined < readChunk) return { customerId, items, nextBefore: null };
      from = lowest - 1;
    }
    return { customerId, items, nextBefore: null };
  }
}

function matches(event: RecordedEvent, { kinds, from, to }: TimelineFilter): boolean {
  if (kinds && !kinds.has(eventKindOf(event.type))) return false;
  const occurredAt = new Date(event.metadata.occurredAt);
  if (from && occurredAt < from) return false;
  if (to && occurredAt >= to) return false;
  return true;
}

function entryOf(event: RecordedEvent): TimelineEntry {
  return {
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
  };
}
