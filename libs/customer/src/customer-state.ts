import { CustomerProfileUpdatedV2, IdentifierKind, PartyKind } from '@cdp/event-model';

export type CustomerProfile = CustomerProfileUpdatedV2;

/** An identifier linked to the customer: the kind and the value name it, whatever system issued it. */
export interface LinkedIdentifier {
  kind: IdentifierKind;
  value: string;
}

/**
 * What the decider needs to know about one customer, and nothing more: orders, returns, complaints
 * and consents are recorded as facts, and only the read models fold them.
 * `unregistered` covers a customer other systems already talk about (interactions, profile data)
 * but nobody has registered yet.
 */
export interface CustomerState {
  status: 'unregistered' | 'registered';
  partyKind?: PartyKind;
  profile: CustomerProfile;
  interactionCount: number;
  identifiers: LinkedIdentifier[];
}

export function initialState(): CustomerState {
  return { status: 'unregistered', profile: {}, interactionCount: 0, identifiers: [] };
}
