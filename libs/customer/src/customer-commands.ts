import { CustomerProfileUpdatedV2, CustomerRegisteredV1, InteractionRecordedV1 } from '@cdp/event-model';

/** Commands carry only what the customer decides on: ids and timestamps travel in the event metadata. */
export interface RegisterCustomer {
  type: 'RegisterCustomer';
  data: { customerId: string } & CustomerRegisteredV1;
}

export interface UpdateCustomerProfile {
  type: 'UpdateCustomerProfile';
  data: { customerId: string; profile: CustomerProfileUpdatedV2 };
}

export interface RecordInteraction {
  type: 'RecordInteraction';
  data: { customerId: string } & InteractionRecordedV1;
}

export type CustomerCommand = RegisterCustomer | UpdateCustomerProfile | RecordInteraction;
