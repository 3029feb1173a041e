import { Json } from '@cdp/event-model';
import { MoneyByCurrency } from './money';

// Type aliases, not interfaces: the read store wants JSON objects, and only aliases are assignable to JsonObject.
// Top-level scalars are what analysts filter and sort on: numbers are numbers, instants ISO strings, absent is null.

/** A personal value exactly as stored: a sealed `pii:v1:…` string, or `{ erased: true }` once erased. Never opened here. */
export type SealedValue = Json;

/** The shape of CustomerProfileUpdated v2 data, so the API can open it with the cipher as such. */
export type Customer360Address = {
  street?: SealedValue;
  postalCode?: SealedValue;
  city?: SealedValue;
  region?: string;
  country?: string;
};

export type Customer360Company = { name?: string; size?: string };

export type Customer360Profile = {
  name?: SealedValue;
  email?: SealedValue;
  phone?: SealedValue;
  birthDate?: SealedValue;
  gender?: SealedValue;
  occupation?: SealedValue;
  address?: Customer360Address;
  company?: Customer360Company;
  /** The latest business time of a profile update. */
  updatedAt: string | null;
};

/** When each profile field was last set (business time): a late, older update does not overwrite a newer value. */
export type ProfileFieldTimes = { [field: string]: string | { [subfield: string]: string } };

/** IdentityLinked v1 data (the value still sealed) and when it was linked. */
export type LinkedIdentity = { kind: string; value: SealedValue; system?: string; linkedAt: string };

export type ConsentState = { granted: boolean; grantedAt: string | null; withdrawnAt: string | null; source: string | null };
/** consents[channel][purpose]. */
export type Consents = { [channel: string]: { [purpose: string]: ConsentState } };

export type RecentOrder = { orderId: string; at: string; amounts: MoneyByCurrency; lineCount: number; cancelled: boolean };

export type OpenReturn = {
  returnId: string;
  orderId: string | null;
  productId: string;
  sku: string | null;
  quantity: number;
  reason: string;
  requestedAt: string;
  receivedAt: string | null;
  condition: string | null;
};

/** productId/sku are null when the refund or rejection was folded before (and without) its request. */
export type ClosedReturn = {
  returnId: string;
  productId: string | null;
  sku: string | null;
  closedAt: string;
  outcome: 'refunded' | 'rejected';
};

export type OpenComplaint = {
  complaintId: string;
  category: string;
  severity: string;
  productId: string | null;
  orderId: string | null;
  openedAt: string;
  escalatedAt: string | null;
};

/** The complaint opened last (business time), without its description: that is the party's own words. */
export type LatestComplaint = OpenComplaint & {
  channel: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolvedAt: string | null;
};

/** category is null when the resolution was folded before (and without) the opening. */
export type ResolvedComplaint = { complaintId: string; category: string | null; resolution: string; resolvedAt: string };

export type LastInteraction = { at: string; kind: string; direction: string; productId: string | null; campaignId: string | null };
export type ChannelInteractions = { count: number; last: LastInteraction };

export type CategoryAppetence = { category: string; orders: number; quantity: number; spend: number };
export type ProductAppetence = { productId: string; orders: number; quantity: number; spend: number };

export type ActivityEntry = {
  eventId: string;
  type: string;
  kind: string;
  occurredAt: string;
  position: string;
  /** A short sentence without personal data. */
  summary: string;
};

export type Customer360Document = {
  customerId: string;
  partyKind: string | null;
  /** Business time of the event that set `partyKind`: a later one wins. */
  partyKindSince: string | null;
  registeredAt: string | null;
  acquisitionChannel: string | null;
  /** profile.address.country (a v1 profile's country is upcast there). */
  country: string | null;
  region: string | null;
  lastEventAt: string | null;

  profile: Customer360Profile;
  profileFieldsAt: ProfileFieldTimes;
  identities: LinkedIdentity[];
  consents: Consents;

  /** Orders placed, cancelled ones included. */
  orderCount: number;
  cancelledOrderCount: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  /** Distinct UTC days with an order placed. */
  orderDayCount: number;
  usualOrderGapDays: number | null;
  /** Order value per currency, cancelled orders taken off when their amount is known. */
  revenue: MoneyByCurrency;
  reportingRevenue: number;
  /** Orders (not cancelled, as far as known) with at least one line in the currency. */
  ordersByCurrency: { [currency: string]: number };
  averageOrderValue: MoneyByCurrency;
  paid: MoneyByCurrency;
  refunded: MoneyByCurrency;
  recentOrders: RecentOrder[];
  atRiskFrom: string | null;
  churnedFrom: string | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;

  returnCount: number;
  refundedReturnCount: number;
  rejectedReturnCount: number;
  returnRate: number;
  openReturns: OpenReturn[];
  recentlyClosedReturns: ClosedReturn[];

  complaintCount: number;
  openComplaintCount: number;
  openComplaints: OpenComplaint[];
  latestComplaint: LatestComplaint | null;
  recentlyResolvedComplaints: ResolvedComplaint[];

  interactionCount: number;
  interactionsByChannel: { [channel: string]: ChannelInteractions };

  appetence: CategoryAppetence[];
  topProducts: ProductAppetence[];

  recentActivity: ActivityEntry[];
};

/** The document of a customer before any event. */
export function emptyCustomer360(customerId: string): Customer360Document {
  return {
    customerId,
    partyKind: null,
    partyKindSince: null,
    registeredAt: null,
    acquisitionChannel: null,
    country: null,
    region: null,
    lastEventAt: null,
    profile: { updatedAt: null },
    profileFieldsAt: {},
    identities: [],
    consents: {},
    orderCount: 0,
    cancelledOrderCount: 0,
    firstOrderAt: null,
    lastOrderAt: null,
    orderDayCount: 0,
    usualOrderGapDays: null,
    revenue: {},
    reportingRevenue: 0,
    ordersByCurrency: {},
    averageOrderValue: {},
    paid: {},
    refunded: {},
    recentOrders: [],
    atRiskFrom: null,
    churnedFrom: null,
    rfmFrequency: null,
    rfmMonetary: null,
    returnCount: 0,
    refundedReturnCount: 0,
    rejectedReturnCount: 0,
    returnRate: 0,
    openReturns: [],
    recentlyClosedReturns: [],
    complaintCount: 0,
    openComplaintCount: 0,
    openComplaints: [],
    latestComplaint: null,
    recentlyResolvedComplaints: [],
    interactionCount: 0,
    interactionsByChannel: {},
    appetence: [],
    topProducts: [],
    recentActivity: [],
  };
}
