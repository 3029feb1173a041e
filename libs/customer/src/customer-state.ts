import { CustomerProfileUpdatedV2, PartyKind } from '@cdp/event-model';

export type CustomerProfile = CustomerProfileUpdatedV2;

/**
 * What the decider needs to know about one customer. `unregistered` covers a customer other
 * systems already talk about (interactions, profile data) but nobody has registered yet.
 */
export interface CustomerState {
  status: 'unregistered' | 'registered';
  partyKind?: PartyKind;
  profile: CustomerProfile;
  interactionCount: number;
}

export function initialState(): CustomerState {
  return { status: 'unregistered', profile: {}, interactionCount: 0 };
}
