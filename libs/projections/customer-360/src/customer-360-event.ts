import {
  Channel,
  channels,
  companySizes,
  complaintCategories,
  complaintResolutions,
  complaintSeverities,
  ConsentPurpose,
  consentPurposes,
  Direction,
  directions,
  identifierKinds,
  partyKinds,
  paymentMethods,
  RecordedEvent,
  returnConditions,
  returnReasons,
} from '@cdp/event-model';
import { Customer360Address, Customer360Company, SealedValue } from './customer-360-document';
import {
  amountAt,
  arrayAt,
  currencyAt,
  FieldProblem,
  Fields,
  instantAt,
  objectAt,
  oneOfAt,
  optionalCountryAt,
  optionalObjectAt,
  optionalOneOfAt,
  optionalTextAt,
  quantityAt,
  textAt,
} from './event-fields';
import { UnfoldableEventError } from './unfoldable-event-error';

/**
 * An event as the 360° view folds it: checked, its business time normalised, and holding only the fields
 * the view uses. Free-text personal fields (complaint description and notes, return comment, interaction note)
 * are not read at all, so they cannot reach the read model. Personal fields the view keeps (profile, identifier
 * value) are copied untouched: sealed strings or erased markers.
 */
type Fact<Type extends string, Data> = { type: Type; data: Data; eventId: string; position: string; occurredAt: string };

export type OrderLineFact = { productId: string; sku: string; category?: string; quantity: number; unitPrice: number; currency: string };
export type ProfileChanges = {
  fields: { [field: string]: SealedValue };
  address?: Customer360Address;
  company?: Customer360Company;
};

export type Customer360Event =
  | Fact<'CustomerRegistered', { partyKind: string; acquisitionChannel?: string }>
  | Fact<'CustomerProfileUpdated', ProfileChanges>
  | Fact<'IdentityLinked', { kind: string; value: SealedValue; system?: string }>
  | Fact<'PartyKindChanged', { from?: string; to: string }>
  | Fact<'InteractionRecorded', { channel: Channel; direction: Direction; kind: string; productId?: string; campaignId?: string }>
  | Fact<'OrderPlaced', { orderId: string; channel?: Channel; lines: OrderLineFact[] }>
  | Fact<'OrderCancelled', { orderId: string }>
  | Fact<'PaymentCaptured', { paymentId: string; orderId?: string; amount: number; currency: string; method?: string }>
  | Fact<'RefundIssued', { refundId: string; orderId?: string; returnId?: string; amount: number; currency: string }>
  | Fact<
      'ReturnRequested',
      { returnId: string; orderId?: string; productId: string; sku?: string; quantity: number; reason: string; channel: Channel }
    >
  | Fact<'ReturnReceived', { returnId: string; condition?: string }>
  | Fact<'ReturnRefunded', { returnId: string; amount: number; currency: string; refundId?: string }>
  | Fact<'ReturnRejected', { returnId: string }>
  | Fact<'ComplaintOpened', { complaintId: string; channel: Channel; category: string; severity: string; orderId?: string; productId?: string }>
  | Fact<'ComplaintEscalated', { complaintId: string; severity?: string; escalatedTo?: string }>
  | Fact<'ComplaintResolved', { complaintId: string; resolution: string }>
  | Fact<'ConsentGranted', { channel: Channel; purpose: ConsentPurpose; source?: string }>
  | Fact<'ConsentWithdrawn', { channel: Channel; purpose: ConsentPurpose }>;

export type Customer360EventType = Customer360Event['type'];
type DataOf<Type extends Customer360EventType> = Extract<Customer360Event, { type: Type }>['data'];

export const profileFields = ['name', 'email', 'phone', 'birthDate', 'gender', 'occupation'] as const;
const personalAddressFields = ['street', 'postalCode', 'city'] as const;

const dataPath = 'data';

/** Each type's reader: the fields the view uses, checked. Also the list of the types the view folds. */
const readers: { [Type in Customer360EventType]: (data: Fields) => DataOf<Type> } = {
  CustomerRegistered: (data) => ({
    partyKind: oneOfAt(data, 'partyKind', partyKinds, dataPath),
    acquisitionChannel: optionalTextAt(data, 'acquisitionChannel', dataPath),
  }),
  CustomerProfileUpdated: readProfileChanges,
  IdentityLinked: (data) => ({
    kind: oneOfAt(data, 'kind', identifierKinds, dataPath),
    value: present(data, 'value'),
    system: optionalTextAt(data, 'system', dataPath),
  }),
  PartyKindChanged: (data) => ({ from: optionalOneOfAt(data, 'from', partyKinds, dataPath), to: oneOfAt(data, 'to', partyKinds, dataPath) }),
  InteractionRecorded: (data) => ({
    channel: oneOfAt(data, 'channel', channels, dataPath),
    direction: oneOfAt(data, 'direction', directions, dataPath),
    kind: textAt(data, 'kind', dataPath),
    productId: optionalTextAt(data, 'productId', dataPath),
    campaignId: optionalTextAt(data, 'campaignId', dataPath),
  }),
  OrderPlaced: (data) => ({
    orderId: textAt(data, 'orderId', dataPath),
    channel: optionalOneOfAt(data, 'channel', channels, dataPath),
    lines: arrayAt(data, 'lines', dataPath).map((value, index) => readOrderLine(value, `${dataPath}.lines[${index}]`)),
  }),
  OrderCancelled: (data) => ({ orderId: textAt(data, 'orderId', dataPath) }),
  PaymentCaptured: (data) => ({
    paymentId: textAt(data, 'paymentId', dataPath),
    orderId: optionalTextAt(data, 'orderId', dataPath),
    amount: amountAt(data, 'amount', dataPath),
    currency: currencyAt(data, 'currency', dataPath),
    method: optionalOneOfAt(data, 'method', paymentMethods, dataPath),
  }),
  RefundIssued: (data) => ({
    refundId: textAt(data, 'refundId', dataPath),
    orderId: optionalTextAt(data, 'orderId', dataPath),
    returnId: optionalTextAt(data, 'returnId', dataPath),
    amount: amountAt(data, 'amount', dataPath),
    currency: currencyAt(data, 'currency', dataPath),
  }),
  ReturnRequested: (data) => ({
    returnId: textAt(data, 'returnId', dataPath),
    orderId: optionalTextAt(data, 'orderId', dataPath),
    productId: textAt(data, 'productId', dataPath),
    sku: optionalTextAt(data, 'sku', dataPath),
    quantity: quantityAt(data, 'quantity', dataPath),
    reason: oneOfAt(data, 'reason', returnReasons, dataPath),
    channel: oneOfAt(data, 'channel', channels, dataPath),
  }),
  ReturnReceived: (data) => ({
    returnId: textAt(data, 'returnId', dataPath),
    condition: optionalOneOfAt(data, 'condition', returnConditions, dataPath),
  }),
  ReturnRefunded: (data) => ({
    returnId: textAt(data, 'returnId', dataPath),
    amount: amountAt(data, 'amount', dataPath),
    currency: currencyAt(data, 'currency', dataPath),
    refundId: optionalTextAt(data, 'refundId', dataPath),
  }),
  ReturnRejected: (data) => ({ returnId: textAt(data, 'returnId', dataPath) }),
  ComplaintOpened: (data) => ({
    complaintId: textAt(data, 'complaintId', dataPath),
    channel: oneOfAt(data, 'channel', channels, dataPath),
    category: oneOfAt(data, 'category', complaintCategories, dataPath),
    severity: oneOfAt(data, 'severity', complaintSeverities, dataPath),
    orderId: optionalTextAt(data, 'orderId', dataPath),
    productId: optionalTextAt(data, 'productId', dataPath),
  }),
  ComplaintEscalated: (data) => ({
    complaintId: textAt(data, 'complaintId', dataPath),
    severity: optionalOneOfAt(data, 'severity', complaintSeverities, dataPath),
    escalatedTo: optionalTextAt(data, 'escalatedTo', dataPath),
  }),
  ComplaintResolved: (data) => ({
    complaintId: textAt(data, 'complaintId', dataPath),
    resolution: oneOfAt(data, 'resolution', complaintResolutions, dataPath),
  }),
  ConsentGranted: (data) => ({
    channel: oneOfAt(data, 'channel', channels, dataPath),
    purpose: oneOfAt(data, 'purpose', consentPurposes, dataPath),
    source: optionalTextAt(data, 'source', dataPath),
  }),
  ConsentWithdrawn: (data) => ({
    channel: oneOfAt(data, 'channel', channels, dataPath),
    purpose: oneOfAt(data, 'purpose', consentPurposes, dataPath),
  }),
};

/** The types the 360° view folds: every producer type of the catalogue (all live in customer streams). */
export const customer360EventTypes: readonly Customer360EventType[] = Object.freeze(Object.keys(readers) as Customer360EventType[]);

export function isCustomer360EventType(type: string): type is Customer360EventType {
  return Object.prototype.hasOwnProperty.call(readers, type);
}

/**
 * The event as the view folds it. Expects the current schema version (upcast first).
 * @throws UnfoldableEventError when a field the view uses is missing or of the wrong shape, or the type is not folded.
 */
export function readCustomer360Event(event: RecordedEvent, projection = 'customer-360'): Customer360Event {
  try {
    if (!isCustomer360EventType(event.type)) throw new FieldProblem(`${event.type} is not a type of customer streams`);
    const occurredAt = instantAt(objectAt(event.metadata, 'metadata'), 'occurredAt', 'metadata');
    const data = (readers[event.type] as (data: Fields) => Customer360Event['data'])(objectAt(event.data, dataPath));
    return { type: event.type, data, eventId: event.eventId, position: event.position, occurredAt } as Customer360Event;
  } catch (error) {
    if (error instanceof FieldProblem) throw new UnfoldableEventError(projection, event, error.message);
    throw error;
  }
}

function readOrderLine(value: unknown, path: string): OrderLineFact {
  const line = objectAt(value, path);
  return {
    productId: textAt(line, 'productId', path),
    sku: textAt(line, 'sku', path),
    category: optionalTextAt(line, 'category', path),
    quantity: quantityAt(line, 'quantity', path),
    unitPrice: amountAt(line, 'unitPrice', path),
    currency: currencyAt(line, 'currency', path),
  };
}

/** A personal value that must be there; copied as it is (sealed string or erased marker). */
function present(data: Fields, field: string): SealedValue {
  const value = data[field];
  if (value === undefined) throw new FieldProblem(`${dataPath}.${field} is missing`);
  return value as SealedValue;
}

function readProfileChanges(data: Fields): ProfileChanges {
  const fields: { [field: string]: SealedValue } = {};
  for (const field of profileFields) if (data[field] !== undefined) fields[field] = data[field] as SealedValue;
  const changes: ProfileChanges = { fields };
  const address = optionalObjectAt(data, 'address', dataPath);
  if (address) {
    const copy: Customer360Address = {};
    for (const field of personalAddressFields) if (address[field] !== undefined) copy[field] = address[field] as SealedValue;
    const region = optionalTextAt(address, 'region', `${dataPath}.address`);
    const country = optionalCountryAt(address, 'country', `${dataPath}.address`);
    if (region !== undefined) copy.region = region;
    if (country !== undefined) copy.country = country;
    changes.address = copy;
  }
  const company = optionalObjectAt(data, 'company', dataPath);
  if (company) {
    const copy: Customer360Company = { name: textAt(company, 'name', `${dataPath}.company`) };
    const size = optionalOneOfAt(company, 'size', companySizes, `${dataPath}.company`);
    if (size !== undefined) copy.size = size;
    changes.company = copy;
  }
  return changes;
}

/** The folded event of one type. */
export type EventOf<Type extends Customer360EventType> = Extract<Customer360Event, { type: Type }>;
