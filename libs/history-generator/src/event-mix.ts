/** The event types a history holds, by a small code the generator switches on. */
export const eventTypes = [
  'CustomerRegistered',
  'CustomerProfileUpdated',
  'IdentityLinked',
  'PartyKindChanged',
  'InteractionRecorded',
  'OrderPlaced',
  'OrderCancelled',
  'PaymentCaptured',
  'RefundIssued',
  'ReturnRequested',
  'ReturnReceived',
  'ReturnRefunded',
  'ReturnRejected',
  'ComplaintOpened',
  'ComplaintEscalated',
  'ComplaintResolved',
  'ConsentGranted',
  'ConsentWithdrawn',
] as const;
export type HistoryEventType = (typeof eventTypes)[number];

export const T = {
  registered: 0,
  profileUpdated: 1,
  identityLinked: 2,
  partyKindChanged: 3,
  interaction: 4,
  orderPlaced: 5,
  orderCancelled: 6,
  paymentCaptured: 7,
  refundIssued: 8,
  returnRequested: 9,
  returnReceived: 10,
  returnRefunded: 11,
  returnRejected: 12,
  complaintOpened: 13,
  complaintEscalated: 14,
  complaintResolved: 15,
  consentGranted: 16,
  consentWithdrawn: 17,
} as const;

/**
 * The mix of a history, in percent of the events after the registrations (every party has exactly one
 * CustomerRegistered, its first event; with 10 events per party they are a tenth of the history).
 * Shaped like a retailer's CDP: mostly interactions, one order in five events, most paid at once,
 * one order in seven or so partly returned, a few complaints and refunds.
 */
export const historyEventMix: Readonly<Record<Exclude<HistoryEventType, 'CustomerRegistered'>, number>> = {
  InteractionRecorded: 36,
  OrderPlaced: 20,
  PaymentCaptured: 15,
  ReturnRequested: 3.2,
  ReturnReceived: 2.6,
  ReturnRefunded: 1.8,
  ReturnRejected: 0.4,
  CustomerProfileUpdated: 6,
  ConsentGranted: 3.5,
  ConsentWithdrawn: 1.5,
  ComplaintOpened: 1.4,
  ComplaintEscalated: 0.4,
  ComplaintResolved: 1.2,
  IdentityLinked: 3,
  RefundIssued: 2,
  OrderCancelled: 1.6,
  PartyKindChanged: 0.4,
};

/** The families the mix is usually quoted by. */
export const eventFamilies: Readonly<Record<string, readonly HistoryEventType[]>> = {
  interactions: ['InteractionRecorded'],
  orders: ['OrderPlaced'],
  payments: ['PaymentCaptured'],
  returns: ['ReturnRequested', 'ReturnReceived', 'ReturnRefunded', 'ReturnRejected'],
  profileUpdates: ['CustomerProfileUpdated'],
  consents: ['ConsentGranted', 'ConsentWithdrawn'],
  complaints: ['ComplaintOpened', 'ComplaintEscalated', 'ComplaintResolved'],
  identityLinks: ['IdentityLinked'],
  refunds: ['RefundIssued'],
  orderCancellations: ['OrderCancelled'],
  partyKindChanges: ['PartyKindChanged'],
};

/** Weights indexed by type code (the registration never drawn). */
export function mixWeights(): number[] {
  return eventTypes.map((type) => (type === 'CustomerRegistered' ? 0 : historyEventMix[type]));
}
