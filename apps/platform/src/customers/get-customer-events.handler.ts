import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerStream, eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { eventForCaller } from '../customer-view/personal-fields';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { PersonalData } from '../personal-data/open-personal-data';
import { PERSONAL_DATA } from '../personal-data/personal-data.module';
import { CustomerEventsPage, GetCustomerEventsQuery } from './get-customer-events.query';

/**
 * A page of the customer's stream, every event in its current shape, its personal fields in clear for the
 * personal-data role and left out for anyone else. Reads one event ahead to know whether a next page exists.
 */
@QueryHandler(GetCustomerEventsQuery)
export class GetCustomerEventsHandler implements IQueryHandler<GetCustomerEventsQuery> {
  constructor(
    @Inject(SEALED_EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  async execute({ customerId, fromRevision, limit, caller }: GetCustomerEventsQuery): Promise<CustomerEventsPage> {
    const streamId = customerStream(customerId);
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamId, { fromRevision, maxCount: limit + 1 })) {
      events.push(eventCatalogue.upcast(await eventForCaller(event, customerId, this.personalData.cipher, caller.seesPersonalData)));
    }
    const next = events.length > limit ? events.pop() : undefined;
    return { streamId, events, nextRevision: next?.revision ?? null };
  }
}
