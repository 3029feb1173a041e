import { JsonObject, PartyKind, partyKinds } from '@cdp/event-model';
import { drawFrom, HistoryContext, weighted } from '../history-context';
import { acquisitionUnit } from '../population';

const customerChannels = weighted([
  ['web-signup', 50],
  ['store', 20],
  ['mobile-app', 12],
  ['crm-import', 8],
  ['marketplace', 5],
  [null, 5],
] as const);
const prospectChannels = weighted([
  ['lead-form', 40],
  ['trade-fair', 25],
  ['crm-import', 20],
  ['referral', 15],
] as const);
const businessChannels = weighted([
  ['crm-import', 60],
  ['trade-fair', 20],
  ['referral', 20],
] as const);

export function customerRegistered(h: HistoryContext, party: number): JsonObject {
  const kind = partyKinds[h.table.kind[party]];
  const channels = kind === 'customer' ? customerChannels : kind === 'prospect' ? prospectChannels : businessChannels;
  const channel = channels.values[channels.table.indexAt(acquisitionUnit(h.key, party))];
  return channel === null ? { partyKind: kind } : { partyKind: kind, acquisitionChannel: channel };
}

/** Where each kind of party goes next: prospects mostly become customers. */
const transitions: Readonly<Record<PartyKind, ReturnType<typeof weighted<PartyKind>>>> = {
  prospect: weighted<PartyKind>([['customer', 85], ['partner', 10], ['prescriber', 5]]),
  partner: weighted<PartyKind>([['customer', 50], ['prescriber', 30], ['supplier', 20]]),
  supplier: weighted<PartyKind>([['partner', 80], ['customer', 20]]),
  press: weighted<PartyKind>([['prescriber', 60], ['customer', 40]]),
  prescriber: weighted<PartyKind>([['customer', 60], ['partner', 40]]),
  customer: weighted<PartyKind>([['partner', 60], ['prescriber', 40]]),
};

/** Only for parties that are not customers (see canRecord): `from` is always the kind the stream knows. */
export function partyKindChanged(h: HistoryContext, party: number): JsonObject {
  const from = partyKinds[h.table.kind[party]];
  const to = drawFrom(h.random, transitions[from]);
  h.table.kind[party] = partyKinds.indexOf(to);
  return { from, to };
}
