import { earlierOf, isAtOrAfter } from './business-time';
import { Customer360Document } from './customer-360-document';
import { EventOf } from './customer-360-event';

/** The earliest registration gives registeredAt and the acquisition channel; the kind is the latest by business time. */
export function foldRegistration(doc: Customer360Document, event: EventOf<'CustomerRegistered'>): Customer360Document {
  const at = event.occurredAt;
  const earliest = doc.registeredAt === null || at < doc.registeredAt;
  return withPartyKind(
    {
      ...doc,
      registeredAt: earlierOf(doc.registeredAt, at),
      acquisitionChannel: earliest ? (event.data.acquisitionChannel ?? null) : doc.acquisitionChannel,
    },
    event.data.partyKind,
    at,
  );
}

export function foldPartyKindChange(doc: Customer360Document, event: EventOf<'PartyKindChanged'>): Customer360Document {
  return withPartyKind(doc, event.data.to, event.occurredAt);
}

function withPartyKind(doc: Customer360Document, partyKind: string, at: string): Customer360Document {
  return isAtOrAfter(at, doc.partyKindSince) ? { ...doc, partyKind, partyKindSince: at } : doc;
}
