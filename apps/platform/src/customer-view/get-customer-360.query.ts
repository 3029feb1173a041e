import { Query } from '@nestjs/cqrs';
import { Caller } from '../http/access/caller.decorator';

export interface Customer360Answer {
  customerId: string;
  /** The moment the view describes: now, or the asOf asked for. */
  asOf: string;
  /** Where it was read: the read model, or the customer's stream folded up to asOf. */
  source: 'read-model' | 'event-store';
  /** The global position of the last event folded into it. */
  position: string | null;
  personalData: 'shown' | 'hidden';
  view: object;
}

export class GetCustomer360Query extends Query<Customer360Answer> {
  constructor(
    readonly customerId: string,
    readonly caller: Caller,
    readonly asOf?: Date,
  ) {
    super();
  }
}
