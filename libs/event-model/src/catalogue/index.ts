import { EventCatalogue } from '../versioning/event-catalogue';
import { complaintEscalated } from './complaint-escalated';
import { complaintOpened } from './complaint-opened';
import { complaintResolved } from './complaint-resolved';
import { consentGranted } from './consent-granted';
import { consentWithdrawn } from './consent-withdrawn';
import { customerProfileUpdated } from './customer-profile-updated';
import { customerRegistered } from './customer-registered';
import { identityClaimed } from './identity-claimed';
import { identityLinked } from './identity-linked';
import { interactionRecorded } from './interaction-recorded';
import { orderCancelled } from './order-cancelled';
import { orderPlaced } from './order-placed';
import { partyKindChanged } from './party-kind-changed';
import { paymentCaptured } from './payment-captured';
import { refundIssued } from './refund-issued';
import { returnRefunded } from './return-refunded';
import { returnReceived } from './return-received';
import { returnRejected } from './return-rejected';
import { returnRequested } from './return-requested';
import { segmentArchived } from './segment-archived';
import { segmentDefined } from './segment-defined';
import { segmentRedefined } from './segment-redefined';
import { campaignPlanned } from './campaign-planned';

export * from './channel';
export * from './party-kind';
export * from './identifier-kind';
export * from './consent-purpose';
export * from './gender';
export * from './company-size';
export * from './returns';
export * from './complaints';
export * from './payment-method';
export * from './customer-registered';
export * from './customer-profile-updated';
export * from './identity-linked';
export * from './party-kind-changed';
export * from './interaction-recorded';
export * from './order-placed';
export * from './order-cancelled';
export * from './payment-captured';
export * from './refund-issued';
export * from './return-requested';
export * from './return-received';
export * from './return-refunded';
export * from './return-rejected';
export * from './complaint-opened';
export * from './complaint-escalated';
export * from './complaint-resolved';
export * from './consent-granted';
export * from './consent-withdrawn';
export * from './identity-claimed';
export * from './segment-defined';
export * from './segment-redefined';
export * from './segment-archived';
export * from './campaign-planned';

/** Every event type the platform reads and writes, in the order the documentation presents them. */
export const eventCatalogue = new EventCatalogue([
  customerRegistered,
  customerProfileUpdated,
  identityLinked,
  partyKindChanged,
  interactionRecorded,
  orderPlaced,
  orderCancelled,
  paymentCaptured,
  refundIssued,
  returnRequested,
  returnReceived,
  returnRefunded,
  returnRejected,
  complaintOpened,
  complaintEscalated,
  complaintResolved,
  consentGranted,
  consentWithdrawn,
  identityClaimed,
  segmentDefined,
  segmentRedefined,
  segmentArchived,
  campaignPlanned,
]);
