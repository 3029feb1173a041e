/** Bits of `orderFlags`, about the party's last order. */
export const orderFlag = { paid: 1, cancelled: 2, returned: 4, refunded: 8 } as const;

/** Bits of `profileFlags`. */
export const profileFlag = { onboarded: 1, birthDate: 2, gender: 4, occupation: 8 } as const;

/** What a party has to do next, right after its current event (a burst: minutes later). */
export const followUp = { none: 0, payment: 1, onboardingProfile: 2 } as const;

/** A return's progress: 0 none open. */
export const returnStage = { none: 0, requested: 1, received: 2 } as const;

/** A complaint's progress: 0 none open. */
export const complaintStage = { none: 0, opened: 1, escalated: 2 } as const;

/**
 * Everything the generator remembers of each party, in typed arrays (about 70 bytes a party, and 12 more
 * in the timeline heap): enough for each new event to fit the party's past (a return names a product it
 * ordered, a resolution a complaint it opened), never the events themselves. Memory grows with the
 * parties, not with the history.
 */
export class CustomerTable {
  /** Events the party still has to produce. */
  readonly remaining: Int32Array;
  readonly followUp: Uint8Array;
  /** Index into partyKinds. */
  readonly kind: Uint8Array;
  /** Index into countries, and of the city in that country's list. */
  readonly country: Uint8Array;
  readonly city: Uint8Array;
  readonly profileFlags: Uint8Array;
  /** How many times each field changed: the values are pure functions of (party, version). */
  readonly emailVersion: Uint16Array;
  readonly phoneVersion: Uint16Array;
  readonly addressVersion: Uint16Array;
  readonly occupationVersion: Uint16Array;
  readonly identities: Uint16Array;
  /** Granted consents, one bit per (channel, purpose). */
  readonly consents: Uint16Array;

  /** The last order: its number (-1: none yet), time, currency, total and flags. */
  readonly lastOrder: Int32Array;
  readonly lastOrderTime: Float64Array;
  readonly lastOrderCurrency: Uint8Array;
  readonly lastOrderTotal: Int32Array;
  readonly orderFlags: Uint8Array;
  /** The line of the last order a return would send back: product, quantity and unit price. */
  readonly returnableProduct: Int32Array;
  readonly returnableQuantity: Uint16Array;
  readonly returnablePrice: Int32Array;

  /** The open return: its number, stage, and what it refunds if accepted. */
  readonly openReturn: Int32Array;
  readonly returnStage: Uint8Array;
  readonly returnAmount: Int32Array;
  readonly returnCurrency: Uint8Array;

  /** The open complaint: its number, stage and severity. */
  readonly openComplaint: Int32Array;
  readonly complaintStage: Uint8Array;
  readonly complaintSeverity: Uint8Array;

  constructor(readonly size: number) {
    this.remaining = new Int32Array(size);
    this.followUp = new Uint8Array(size);
    this.kind = new Uint8Array(size);
    this.country = new Uint8Array(size);
    this.city = new Uint8Array(size);
    this.profileFlags = new Uint8Array(size);
    this.emailVersion = new Uint16Array(size);
    this.phoneVersion = new Uint16Array(size);
    this.addressVersion = new Uint16Array(size);
    this.occupationVersion = new Uint16Array(size);
    this.identities = new Uint16Array(size);
    this.consents = new Uint16Array(size);
    this.lastOrder = new Int32Array(size).fill(-1);
    this.lastOrderTime = new Float64Array(size);
    this.lastOrderCurrency = new Uint8Array(size);
    this.lastOrderTotal = new Int32Array(size);
    this.orderFlags = new Uint8Array(size);
    this.returnableProduct = new Int32Array(size);
    this.returnableQuantity = new Uint16Array(size);
    this.returnablePrice = new Int32Array(size);
    this.openReturn = new Int32Array(size).fill(-1);
    this.returnStage = new Uint8Array(size);
    this.returnAmount = new Int32Array(size);
    this.returnCurrency = new Uint8Array(size);
    this.openComplaint = new Int32Array(size).fill(-1);
    this.complaintStage = new Uint8Array(size);
    this.complaintSeverity = new Uint8Array(size);
  }
}
