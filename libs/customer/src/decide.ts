import { eventCatalogue, PostalAddress } from '@cdp/event-model';
import { CustomerCommand, RecordInteraction, RegisterCustomer, UpdateCustomerProfile } from './customer-commands';
import { CustomerEvent, draft } from './customer-events';
import {
  CustomerAlreadyRegisteredError,
  EmptyProfileUpdateError,
  InvalidCustomerCommandError,
} from './customer-errors';
import { CustomerProfile, CustomerState } from './customer-state';
import { definedOnly } from './defined-only';

/**
 * The customer's rules. Only registration needs an unregistered customer.
 *
 * Interactions and profile updates are accepted for a customer nobody has registered yet:
 * the platform ingests from many systems at once (web analytics, shop tills, a CRM import),
 * and their events arrive in no guaranteed order. Rejecting them would lose facts that did
 * happen; the 360° view shows such a customer as unregistered until the registration arrives.
 */
export function decide(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'RegisterCustomer':
      return registerCustomer(command, state);
    case 'UpdateCustomerProfile':
      return updateCustomerProfile(command, state);
    case 'RecordInteraction':
      return recordInteraction(command);
  }
}

function registerCustomer({ type, data }: RegisterCustomer, state: CustomerState): CustomerEvent[] {
  const { customerId, ...registration } = data;
  if (state.status === 'registered') throw new CustomerAlreadyRegisteredError(customerId);
  return [validated(type, draft('CustomerRegistered', definedOnly(registration) as typeof registration))];
}

/** Records only the fields that differ from the profile: an update that changes nothing records nothing. */
function updateCustomerProfile({ type, data }: UpdateCustomerProfile, state: CustomerState): CustomerEvent[] {
  const requested = definedOnly(data.profile);
  if (Object.keys(requested).length === 0) throw new EmptyProfileUpdateError(data.customerId);
  validated(type, draft('CustomerProfileUpdated', requested));
  const changes = profileChanges(state.profile, requested);
  return Object.keys(changes).length === 0 ? [] : [draft('CustomerProfileUpdated', changes)];
}

function recordInteraction({ type, data }: RecordInteraction): CustomerEvent[] {
  const { customerId: _customerId, ...interaction } = data;
  return [validated(type, draft('InteractionRecorded', definedOnly(interaction) as typeof interaction))];
}

function profileChanges(current: CustomerProfile, requested: CustomerProfile): CustomerProfile {
  const { address, ...fields } = requested;
  const changes: CustomerProfile = changedFields(current, fields);
  const addressChanges = changedFields<PostalAddress>(current.address ?? {}, address ?? {});
  if (Object.keys(addressChanges).length > 0) changes.address = addressChanges;
  return changes;
}

function changedFields<T extends object>(current: T, requested: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(definedOnly(requested)).filter(([key, value]) => current[key as keyof T] !== value),
  ) as Partial<T>;
}

/** No decider drafts an event its own schema rejects: every producer (HTTP, Kafka, import) gets the same check. */
function validated<E extends CustomerEvent>(commandType: string, event: E): E {
  const issues = eventCatalogue.validate(event.type, event.schemaVersion, event.data);
  if (issues.length > 0) throw new InvalidCustomerCommandError(commandType, issues);
  return event;
}
