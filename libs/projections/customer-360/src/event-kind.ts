/** What an event is about, as the customer's timeline groups them. `other`: a type this view does not know. */
export const eventKinds = [
  'profile',
  'identity',
  'consent',
  'order',
  'payment',
  'refund',
  'return',
  'complaint',
  'interaction',
  'party',
  'other',
] as const;
export type EventKind = (typeof eventKinds)[number];

const kinds: { readonly [type: string]: EventKind } = {
  CustomerRegistered: 'party',
  PartyKindChanged: 'party',
  CustomerProfileUpdated: 'profile',
  IdentityLinked: 'identity',
  InteractionRecorded: 'interaction',
  OrderPlaced: 'order',
  OrderCancelled: 'order',
  PaymentCaptured: 'payment',
  RefundIssued: 'refund',
  ReturnRequested: 'return',
  ReturnReceived: 'return',
  ReturnRefunded: 'return',
  ReturnRejected: 'return',
  ComplaintOpened: 'complaint',
  ComplaintEscalated: 'complaint',
  ComplaintResolved: 'complaint',
  ConsentGranted: 'consent',
  ConsentWithdrawn: 'consent',
};

export function eventKindOf(type: string): EventKind {
  return Object.prototype.hasOwnProperty.call(kinds, type) ? kinds[type] : 'other';
}
