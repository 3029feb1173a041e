import { Query } from '@nestjs/cqrs';
import { RecordedEvent } from '@cdp/event-model';
import { Caller } from '../http/access/caller.decorator';

export interface CustomerEventsPage {
  streamId: string;
  events: RecordedEvent[];
  /** Where the next page starts; null when this page reaches the end of the stream. */
  nextRevision: number | null;
}

export class GetCustomerEventsQuery extends Query<CustomerEventsPage> {
  constructor(
    readonly customerId: string,
    readonly fromRevision: number,
    readonly limit: number,
    readonly caller: Caller,
  ) {
    super();
  }
}
