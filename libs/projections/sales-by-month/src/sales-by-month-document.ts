// A type alias, not an interface: the read store wants JSON objects, and only aliases are assignable to JsonObject.

/** Sales of one calendar month (UTC) in one currency. */
export type SalesByMonthDocument = {
  /** `yyyy-mm`, the UTC month of the events' business time. */
  month: string;
  /** ISO 4217. */
  currency: string;
  /** Orders placed (cancellations are not taken off: OrderCancelled carries no amount). */
  orders: number;
  /** The value of those orders' lines in this currency. */
  revenue: number;
  /** Money paid back: RefundIssued, and ReturnRefunded unless it names the refund that paid it. */
  refunds: number;
  /** Returns requested. */
  returns: number;
};

export function emptySalesByMonth(month: string, currency: string): SalesByMonthDocument {
  return { month, currency, orders: 0, revenue: 0, refunds: 0, returns: 0 };
}
