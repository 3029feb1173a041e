/**
 * One event the suppression rule reads, kept small: what it is, when it occurred, where it is in the log, and the
 * few fields the rule needs. Which of them are set depends on the type.
 */
export type SuppressionEntry = {
  eventId: string;
  type: SuppressionEventType;
  /** Business time, ISO 8601 UTC. */
  at: string;
  /** Global position in the event store: log order. */
  position: string;
  returnId?: string;
  complaintId?: string;
  productId?: string;
  sku?: string;
  channel?: string;
  purpose?: string;
};

/** The event types the suppression rule reads (orders only for the categories of their products). */
export const suppressionEventTypes = [
  'OrderPlaced',
  'ReturnRequested',
  'ReturnRefunded',
  'ReturnRejected',
  'ComplaintOpened',
  'ComplaintEscalated',
  'ComplaintResolved',
  'ConsentGranted',
  'ConsentWithdrawn',
] as const;
export type SuppressionEventType = Exclude<(typeof suppressionEventTypes)[number], 'OrderPlaced'>;

/**
 * A customer's suppression history: the entries in log order, and the category of each product they ordered (by
 * productId and by sku, from their order lines; the latest line naming one wins). A category is what a product
 * is, not something that happens: it applies whenever the rule is asked, "as of" any moment.
 */
export type SuppressionLog = {
  entries: SuppressionEntry[];
  categories: { [productIdOrSku: string]: string };
};

export const emptySuppressionLog = (): SuppressionLog => ({ entries: [], categories: {} });
