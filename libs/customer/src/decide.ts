import { CompanyProfile, eventCatalogue, PostalAddress } from '@cdp/event-model';
import { eventTypeOfCommand } from './command-event-types';
import { ChangePartyKind, CustomerCommand, LinkIdentity, RegisterCustomer, UpdateCustomerProfile } from './customer-commands';
import { CustomerEvent, draft } from './customer-events';
import {
  CustomerAlreadyRegisteredError,
  EmptyProfileUpdateError,
  InvalidCustomerCommandError,
} from './customer-errors';
import { CustomerProfile, CustomerState } from './customer-state';
import { definedOnly } from './defined-only';
import { isLinked } from './evolve';

/** The commands whose fact is recorded as it comes, once valid. */
type RecordedAsGiven = Exclude<CustomerCommand, RegisterCustomer | UpdateCustomerProfile | LinkIdentity | ChangePartyKind>;

/**
 * The customer's rules, few on purpose: only registration needs an unregistered customer.
 *
 * Everything else is accepted for a customer nobody has registered yet, and in any order: the platform
 * ingests from many systems at once (web analytics, shop tills, a CRM import, the order system), and
 * their events arrive in no guaranteed order. Rejecting them would lose facts that did happen; the
 * 360° view shows such a customer as unregistered until the registration arrives. The rules only
 * leave out what would repeat a fact the stream already holds.
 */
export function decide(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'RegisterCustomer':
      return registerCustomer(command, state);
    case 'UpdateCustomerProfile':
      return updateCustomerProfile(command, state);
    case 'ChangePartyKind':
      return changePartyKind(command, state);
    case 'LinkIdentity':
      return linkIdentity(command, state);
    default:
      return recordAsGiven(command);
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

/** A change to the kind the party already has is no change. `from` is what the stream knows, when it knows. */
function changePartyKind({ type, data }: ChangePartyKind, state: CustomerState): CustomerEvent[] {
  const { customerId: _customerId, ...change } = data;
  const event = validated(type, draft('PartyKindChanged', definedOnly({ ...change, from: state.partyKind ?? change.from }) as typeof change));
  return event.data.to === state.partyKind ? [] : [event];
}

/** Linking an identifier the customer already has records nothing: producers resend what they know. */
function linkIdentity({ type, data }: LinkIdentity, state: CustomerState): CustomerEvent[] {
  const { customerId: _customerId, ...identity } = data;
  const event = validated(type, draft('IdentityLinked', definedOnly(identity) as typeof identity));
  return isLinked(state, event.data) ? [] : [event];
}

function recordAsGiven({ type, data }: RecordedAsGiven): CustomerEvent[] {
  const { customerId: _customerId, ...fact } = data;
  const eventType = eventTypeOfCommand[type];
  return [validated(type, draft(eventType, definedOnly(fact) as never))];
}

function profileChanges(current: CustomerProfile, requested: CustomerProfile): CustomerProfile {
  const { address, company, ...fields } = requested;
  const changes: CustomerProfile = changedFields(current, fields);
  const addressChanges = changedFields<PostalAddress>(current.address ?? {}, address ?? {});
  if (Object.keys(addressChanges).length > 0) changes.address = addressChanges;
  if (company) {
    const companyChanges = changedFields<Partial<CompanyProfile>>(current.company ?? {}, company);
    // The company's name is required in every update of it: it says which company the size belongs to.
    if (Object.keys(companyChanges).length > 0) changes.company = { ...companyChanges, name: company.name };
  }
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
