import {
  CustomerProfileUpdatedData,
  CustomerRegisteredData,
  eventCatalogue,
  InteractionRecordedData,
  NewEvent,
} from '@cdp/event-model';

/** An event as a decider drafts it: the shell adds the event id and the metadata before appending. */
export type EventDraft<Type extends string = string, Data extends object = object> = Pick<
  NewEvent<Type, Data>,
  'type' | 'schemaVersion' | 'data'
>;

export type CustomerRegistered = EventDraft<'CustomerRegistered', CustomerRegisteredData>;
export type CustomerProfileUpdated = EventDraft<'CustomerProfileUpdated', CustomerProfileUpdatedData>;
export type InteractionRecorded = EventDraft<'InteractionRecorded', InteractionRecordedData>;

/** The customer's events in their current shape: read them through `eventCatalogue.upcast` first. */
export type CustomerEvent = CustomerRegistered | CustomerProfileUpdated | InteractionRecorded;

type DataOf<Type extends CustomerEvent['type']> = Extract<CustomerEvent, { type: Type }>['data'];

/** A draft at the current schema version of its type. */
export function draft<Type extends CustomerEvent['type']>(type: Type, data: DataOf<Type>): Extract<CustomerEvent, { type: Type }> {
  return { type, schemaVersion: eventCatalogue.currentVersion(type), data } as Extract<CustomerEvent, { type: Type }>;
}
