/**
 * What the suppression rule needs to know about one customer, folded from their events. Every fact keeps the ids of
 * the events behind it, so that a block can always say which events caused it.
 */
export type ReturnFact = {
  returnId: string;
  /** null while only the return's closing is known (events out of order): the product is not known yet. */
  productId: string | null;
  sku: string | null;
  requestedAt: string | null;
  /** The latest refund or rejection, by business time. */
  closedAt: string | null;
  outcome: 'refunded' | 'rejected' | null;
  eventIds: string[];
};

export type ComplaintFact = {
  complaintId: string;
  productId: string | null;
  openedAt: string | null;
  resolvedAt: string | null;
  eventIds: string[];
};

/** The latest consent event of a channel and purpose, by business time (equal times: the later in the log). */
export type ConsentFact = { granted: boolean; at: string; eventId: string };

export type SuppressionFacts = {
  returns: { [returnId: string]: ReturnFact };
  complaints: { [complaintId: string]: ComplaintFact };
  /** By `<channel>/<purpose>`. */
  consents: { [channelAndPurpose: string]: ConsentFact };
  /** The category of each product the customer ordered, by productId and by sku (SuppressionLog.categories). */
  categories: { readonly [productIdOrSku: string]: string };
};

export const emptySuppressionFacts = (): SuppressionFacts => ({ returns: {}, complaints: {}, consents: {}, categories: {} });

export const consentKey = (channel: string, purpose: string): string => `${channel}/${purpose}`;
