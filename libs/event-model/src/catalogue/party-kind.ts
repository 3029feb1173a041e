/** XRM: the platform tracks every kind of party, not only customers. */
export const partyKinds = ['customer', 'prospect', 'partner', 'supplier', 'press', 'prescriber'] as const;
export type PartyKind = (typeof partyKinds)[number];
