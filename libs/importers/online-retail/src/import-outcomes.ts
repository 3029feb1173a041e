/** Why a line became no message although it was read well: each is a decision of the mapping. */
export const skipReasons = [
  'guest-checkout',
  'stock-adjustment',
  'bad-debt-adjustment',
  'non-product-line',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/** Why a line could not be read: the data breaks the format the importer expects. */
export const rejectReasons = [
  'malformed-csv',
  'invalid-invoice-no',
  'invalid-quantity',
  'invalid-unit-price',
  'invalid-date',
  'invalid-customer-id',
  'customer-differs-within-invoice',
  'invoice-reopened',
  'positive-quantity-in-cancellation',
] as const;
export type RejectReason = (typeof rejectReasons)[number];
