/**
 * The most entries each list of the 360° document holds, whatever the customer's history: the document stays
 * bounded (a few tens of kilobytes at worst). What each list drops when full is documented in docs/customer-360.md.
 */
export const customer360Caps = {
  /** Linked identifiers per kind (email, phone…): the most recently linked are kept. */
  identitiesPerKind: 5,
  /** Orders by business time, most recent first: they let a cancellation subtract its amount. */
  recentOrders: 50,
  openReturns: 50,
  /** Refunded or rejected returns, most recently closed first (the 30-day cooling-off rule reads them). */
  recentlyClosedReturns: 50,
  openComplaints: 50,
  recentlyResolvedComplaints: 20,
  /** Categories by spend in the reporting currency. */
  appetenceCategories: 20,
  /** Products bought without a category, by quantity. */
  topProducts: 20,
  /** The last events folded, in log order, newest first. */
  recentActivity: 20,
} as const;
