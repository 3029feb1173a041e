import {
  ComplaintEscalatedData,
  ComplaintOpenedData,
  ComplaintResolvedData,
  ConsentGrantedData,
  ConsentWithdrawnData,
  CustomerProfileUpdatedV2,
  CustomerRegisteredV1,
  IdentityLinkedData,
  InteractionRecordedV1,
  OrderCancelledData,
  OrderPlacedData,
  PartyKindChangedData,
  PaymentCapturedData,
  RefundIssuedData,
  ReturnReceivedData,
  ReturnRefundedData,
  ReturnRejectedData,
  ReturnRequestedData,
} from '@cdp/event-model';

/**
 * A command about one customer whose data is the fact to record. Commands carry only what the
 * customer decides on: ids and timestamps travel in the event metadata.
 */
type FactCommand<Type extends string, Fact> = { type: Type; data: { customerId: string } & Fact };

export type RegisterCustomer = FactCommand<'RegisterCustomer', CustomerRegisteredV1>;

export interface UpdateCustomerProfile {
  type: 'UpdateCustomerProfile';
  data: { customerId: string; profile: CustomerProfileUpdatedV2 };
}

export type LinkIdentity = FactCommand<'LinkIdentity', IdentityLinkedData>;
export type ChangePartyKind = FactCommand<'ChangePartyKind', PartyKindChangedData>;
export type RecordInteraction = FactCommand<'RecordInteraction', InteractionRecordedV1>;
export type PlaceOrder = FactCommand<'PlaceOrder', OrderPlacedData>;
export type CancelOrder = FactCommand<'CancelOrder', OrderCancelledData>;
export type CapturePayment = FactCommand<'CapturePayment', PaymentCapturedData>;
export type IssueRefund = FactCommand<'IssueRefund', RefundIssuedData>;
export type RequestReturn = FactCommand<'RequestReturn', ReturnRequestedData>;
export type ReceiveReturn = FactCommand<'ReceiveReturn', ReturnReceivedData>;
export type RefundReturn = FactCommand<'RefundReturn', ReturnRefundedData>;
export type RejectReturn = FactCommand<'RejectReturn', ReturnRejectedData>;
export type OpenComplaint = FactCommand<'OpenComplaint', ComplaintOpenedData>;
export type EscalateComplaint = FactCommand<'EscalateComplaint', ComplaintEscalatedData>;
export type ResolveComplaint = FactCommand<'ResolveComplaint', ComplaintResolvedData>;
export type GrantConsent = FactCommand<'GrantConsent', ConsentGrantedData>;
export type WithdrawConsent = FactCommand<'WithdrawConsent', ConsentWithdrawnData>;

export type CustomerCommand =
  | RegisterCustomer
  | UpdateCustomerProfile
  | LinkIdentity
  | ChangePartyKind
  | RecordInteraction
  | PlaceOrder
  | CancelOrder
  | CapturePayment
  | IssueRefund
  | RequestReturn
  | ReceiveReturn
  | RefundReturn
  | RejectReturn
  | OpenComplaint
  | EscalateComplaint
  | ResolveComplaint
  | GrantConsent
  | WithdrawConsent;
