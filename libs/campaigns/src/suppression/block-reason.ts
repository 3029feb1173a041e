export const blockRules = ['open-return', 'recent-return', 'open-complaint', 'no-consent', 'consent-withdrawn'] as const;
export type BlockRule = (typeof blockRules)[number];

/** How the product of a return or complaint falls under the campaign. */
export type Promotion = { by: 'product'; sku: string } | { by: 'category'; category: string };

/** One reason a customer is left out of a campaign: enough to answer "why?" without reading anything else. */
export type BlockReason = {
  rule: BlockRule;
  /** The product returned or complained about; null for consent. */
  productId: string | null;
  promotedAs: Promotion | null;
  /** When the block began; null for a consent never given. */
  since: string | null;
  /** When it ends by itself; null when only a new event can end it. */
  until: string | null;
  /** The events that caused it, in log order. */
  eventIds: string[];
  message: string;
};

export type Eligibility = { eligible: boolean; reasons: BlockReason[] };
