/** The product id: the stock code trimmed and upper-cased (the file has `85123a` next to `85123A`). */
export function normaliseStockCode(stockCode: string): string {
  return stockCode.trim().toUpperCase();
}

/**
 * Codes that are charges, credits or bookkeeping rather than goods, by normalised code.
 * `refundable` ones, on a cancellation invoice, give the customer money back: a RefundIssued.
 */
const nonProductCodes: Readonly<Record<string, { readonly label: string; readonly refundable: boolean }>> = {
  POST: { label: 'postage', refundable: true },
  DOT: { label: 'dotcom postage', refundable: true },
  C2: { label: 'carriage', refundable: true },
  M: { label: 'manual adjustment', refundable: true },
  D: { label: 'discount', refundable: true },
  S: { label: 'samples', refundable: false },
  'BANK CHARGES': { label: 'bank charges', refundable: false },
  AMAZONFEE: { label: 'Amazon fee', refundable: false },
  CRUK: { label: 'CRUK charity commission', refundable: false },
  PADS: { label: 'pads to match cushions', refundable: false },
  B: { label: 'bad debt adjustment', refundable: false },
  DCGSSGIRL: { label: 'party bag', refundable: false },
  DCGSSBOY: { label: 'party bag', refundable: false },
};

/** Gift vouchers (`gift_0001_20`) are a means of payment sold, not goods. */
const giftVoucherPattern = /^GIFT_\d+_\d+$/;

export type StockCodeKind =
  | { readonly kind: 'product' }
  | { readonly kind: 'non-product'; readonly label: string; readonly refundable: boolean };

export function classifyStockCode(productId: string): StockCodeKind {
  const known = nonProductCodes[productId];
  if (known) return { kind: 'non-product', ...known };
  if (giftVoucherPattern.test(productId)) return { kind: 'non-product', label: 'gift voucher', refundable: false };
  return { kind: 'product' };
}
