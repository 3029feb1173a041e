/**
 * What a customer did recently, kept for the behaviour conditions of segments ("bought X at least k times in the
 * last N days", "interacted on the web in the last N days", "opened campaign C"). Entries older than the window
 * limit before the customer's newest event are dropped, so the log stays small whatever the history.
 * Instants are ISO strings, newest first.
 */
export type BehaviourLog = {
  /** The newest business time folded: the log keeps what is within the window limit before it. */
  newestAt: string | null;
  /** Orders not cancelled: their products (productIds and skus) and categories. */
  orders: { orderId: string; at: string; products: string[]; categories: string[] }[];
  /** Per channel, the instants of interactions, inbound and outbound apart. */
  interactions: { [channel: string]: { inbound: string[]; outbound: string[] } };
  /** Opens and clicks of campaigns. */
  campaignResponses: { campaignId: string; action: 'opened' | 'clicked'; at: string }[];
};

export const emptyBehaviourLog = (): BehaviourLog => ({ newestAt: null, orders: [], interactions: {}, campaignResponses: [] });

/** Interactions kept per channel and direction, and campaign responses kept, at most: a heavy web visitor stays bounded. */
export const behaviourCaps = { interactionsPerChannel: 1000, campaignResponses: 1000, orders: 5000 } as const;
