import {
  ComplaintEscalatedData,
  ComplaintOpenedData,
  ComplaintResolvedData,
  ConsentGrantedData,
  ConsentWithdrawnData,
  CustomerProfileUpdatedData,
  CustomerRegisteredData,
  eventCatalogue,
  IdentityLinkedData,
  InteractionRecordedData,
  NewEvent,
  OrderCancelledData,
  OrderPlacedData,
  PartyKindChangedData,
  PaymentCapturedData,
  RefundIssuedData,
  ReturnReceivedData,
  ReturnRefundedData,
  ReturnRejectedData,
  ReturnRequestedData,
} from '@cdp/event-model';

/** An event as a decider drafts it: the shell adds the event id and the metadata before appending. */
export type EventDraft<Type extends string = string, Data extends object = object> = Pick<
  NewEvent<Type, Data>,
  'type' | 'schemaVersion' | 'data'
>;

export type CustomerRegistered = EventDraft<'CustomerRegistered', CustomerRegisteredData>;
export type CustomerProfileUpdated = EventDraft<'CustomerProfileUpdated', CustomerProfileUpdatedData>;
export type IdentityLinked = EventDraft<'IdentityLinked', IdentityLinkedData>;
export type PartyKindChanged = EventDraft<'PartyKindChanged', PartyKindChangedData>;
export type InteractionRecorded = EventDraft<'InteractionRecorded', InteractionRecordedData>;
export type OrderPlaced = EventDraft<'OrderPlaced', OrderPlacedData>;
export type OrderCancelled = EventDraft<'OrderCancelled', OrderCancelledData>;
export type PaymentCaptured = EventDraft<'PaymentCaptured', PaymentCapturedData>;
export type RefundIssued = EventDraft<'RefundIssued', RefundIssuedData>;
export type ReturnRequested = EventDraft<'ReturnRequested', ReturnRequestedData>;
export type ReturnReceived = EventDraft<'ReturnReceived', ReturnReceivedData>;
export type ReturnRefunded = EventDraft<'ReturnRefunded', ReturnRefundedData>;
export type ReturnRejected = EventDraft<'ReturnRejected', ReturnRejectedData>;
export type ComplaintOpened = EventDraft<'ComplaintOpened', ComplaintOpenedData>;
export type ComplaintEscalated = EventDraft<'ComplaintEscalated', ComplaintEscalatedData>;
export type ComplaintResolved = EventDraft<'ComplaintResolved', ComplaintResolvedData>;
export type ConsentGranted = EventDraft<'ConsentGranted', ConsentGrantedData>;
export type ConsentWithdrawn = EventDraft<'ConsentWithdrawn', ConsentWithdrawnData>;

/** The customer's events in their current shape: read them through `eventCatalogue.upcast` first. */
export type CustomerEvent =
  | CustomerRegistered
  | CustomerProfileUpdated
  | IdentityLinked
  | PartyKindChanged
  | InteractionRecorded
  | OrderPlaced
  | OrderCancelled
  | PaymentCaptured
  | RefundIssued
  | ReturnRequested
  | ReturnReceived
  | ReturnRefunded
  | ReturnRejected
  | ComplaintOpened
  | ComplaintEscalated
  | ComplaintResolved
  | ConsentGranted
  | ConsentWithdrawn;

type DataOf<Type extends CustomerEvent['type']> = Extract<CustomerEvent, { type: Type }>['data'];

/** A draft at the current schema version of its type. */
export function draft<Type extends CustomerEvent['type']>(type: Type, data: DataOf<Type>): Extract<CustomerEvent, { type: Type }> {
  return { type, schemaVersion: eventCatalogue.currentVersion(type), data } as Extract<CustomerEvent, { type: Type }>;
}
