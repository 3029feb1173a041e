import { CustomerEvent } from './customer-events';
import { CustomerProfile, CustomerState, LinkedIdentifier } from './customer-state';
import { definedOnly } from './defined-only';

/**
 * Folds one event into the state. Events the rules do not look at (orders, returns, complaints,
 * consents) leave it as it is, and so do unknown event types: newer writers may add some.
 */
export function evolve(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered':
      return { ...state, status: 'registered', partyKind: event.data.partyKind };
    case 'CustomerProfileUpdated':
      return { ...state, profile: mergeProfile(state.profile, event.data) };
    case 'PartyKindChanged':
      return { ...state, partyKind: event.data.to };
    case 'IdentityLinked': {
      const identifier = { kind: event.data.kind, value: event.data.value };
      return isLinked(state, identifier) ? state : { ...state, identifiers: [...state.identifiers, identifier] };
    }
    case 'InteractionRecorded':
      return { ...state, interactionCount: state.interactionCount + 1 };
    default:
      return state;
  }
}

/** A profile update names only the fields that change; the others keep their value. */
export function mergeProfile(profile: CustomerProfile, changes: CustomerProfile): CustomerProfile {
  const { address, company, ...fields } = changes;
  const merged: CustomerProfile = { ...profile, ...definedOnly(fields) };
  if (address) merged.address = { ...profile.address, ...definedOnly(address) };
  if (company) merged.company = { ...profile.company, ...definedOnly(company) } as CustomerProfile['company'];
  return merged;
}

export function isLinked(state: CustomerState, identifier: LinkedIdentifier): boolean {
  return state.identifiers.some((linked) => linked.kind === identifier.kind && linked.value === identifier.value);
}
