import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerStream, eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { EVENT_STORE } from '../event-store/event-store.token';
import { CustomerEventsPage, GetCustomerEventsQuery } from './get-customer-events.query';

/** A page of the customer's stream, every event in its current shape. Reads one event ahead to know whether a next page exists. */
@QueryHandler(GetCustomerEventsQuery)
export class GetCustomerEventsHandler implements IQueryHandler<GetCustomerEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ customerId, fromRevision, limit }: GetCustomerEventsQuery): Promise<CustomerEventsPage> {
    const streamId = customerStream(customerId);
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamId, { fromRevision, maxCount: limit + 1 })) {
      events.push(eventCatalogue.upcast(event));
    }
    const next = events.length > limit ? events.pop() : undefined;
    return { streamId, events, nextRevision: next?.revision ?? null };
  }
}
