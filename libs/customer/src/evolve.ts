import { CustomerEvent } from './customer-events';
import { CustomerProfile, CustomerState } from './customer-state';
import { definedOnly } from './defined-only';

/** Folds one event into the state. Unknown event types leave the state as it is: newer writers may add some. */
export function evolve(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered':
      return { ...state, status: 'registered', partyKind: event.data.partyKind };
    case 'CustomerProfileUpdated':
      return { ...state, profile: mergeProfile(state.profile, event.data) };
    case 'InteractionRecorded':
      return { ...state, interactionCount: state.interactionCount + 1 };
    default:
      return state;
  }
}

/** A profile update names only the fields that change; the others keep their value. */
export function mergeProfile(profile: CustomerProfile, changes: CustomerProfile): CustomerProfile {
  const { address, ...fields } = changes;
  const merged: CustomerProfile = { ...profile, ...definedOnly(fields) };
  if (address) merged.address = { ...profile.address, ...definedOnly(address) };
  return merged;
}
