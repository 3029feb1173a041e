import { CustomerCommand } from './customer-commands';
import { CustomerEvent } from './customer-events';

/** The event each command records: one producer event type per command, and back. */
export const eventTypeOfCommand = {
  RegisterCustomer: 'CustomerRegistered',
  UpdateCustomerProfile: 'CustomerProfileUpdated',
  LinkIdentity: 'IdentityLinked',
  ChangePartyKind: 'PartyKindChanged',
  RecordInteraction: 'InteractionRecorded',
  PlaceOrder: 'OrderPlaced',
  CancelOrder: 'OrderCancelled',
  CapturePayment: 'PaymentCaptured',
  IssueRefund: 'RefundIssued',
  RequestReturn: 'ReturnRequested',
  ReceiveReturn: 'ReturnReceived',
  RefundReturn: 'ReturnRefunded',
  RejectReturn: 'ReturnRejected',
  OpenComplaint: 'ComplaintOpened',
  EscalateComplaint: 'ComplaintEscalated',
  ResolveComplaint: 'ComplaintResolved',
  GrantConsent: 'ConsentGranted',
  WithdrawConsent: 'ConsentWithdrawn',
} as const satisfies { [Type in CustomerCommand['type']]: CustomerEvent['type'] };

export type CustomerEventType = CustomerEvent['type'];

export const commandTypeOfEvent = Object.fromEntries(
  Object.entries(eventTypeOfCommand).map(([command, event]) => [event, command]),
) as { [Type in CustomerEventType]: CustomerCommand['type'] };
