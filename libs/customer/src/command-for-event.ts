import { CustomerCommand } from './customer-commands';
import { NotACustomerEventError } from './customer-errors';
import { commandTypeOfEvent, CustomerEventType } from './command-event-types';

/**
 * The command that records a producer's event about `customerId` (ingestion: Kafka, HTTP, file import).
 * `data` must already be in the current shape of its type (`eventCatalogue.upcastData`); `decide` validates it.
 * Throws NotACustomerEventError for platform-internal and unknown types.
 */
export function commandForEvent(customerId: string, event: { type: string; data: object }): CustomerCommand {
  if (!Object.hasOwn(commandTypeOfEvent, event.type)) throw new NotACustomerEventError(event.type);
  const type = commandTypeOfEvent[event.type as CustomerEventType];
  if (type === 'UpdateCustomerProfile') return { type, data: { customerId, profile: event.data } };
  // The fact's own fields come first, so a `customerId` inside the data can never override the party's.
  return { type, data: { ...event.data, customerId } } as CustomerCommand;
}
