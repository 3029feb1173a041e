/** The kinds of identifier a producer may name a party by, instead of its customer id. */
export const identifierKinds = ['email', 'phone', 'loyalty-card', 'external-crm-id', 'anonymous-web-id'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];
