/** Amounts per ISO 4217 currency code, e.g. `{ GBP: 35.64 }`. Currency codes are safe keys (three capitals). */
export type MoneyByCurrency = { [currency: string]: number };

/**
 * Amounts in events have at most 4 decimals; every sum is rounded back to 4 decimals at each addition, so
 * binary floating point never drifts (0.1 + 0.2 stays 0.3 however long the history). `+ 0` turns -0 into 0.
 */
export function roundMoney(amount: number): number {
  return Math.round(amount * 10_000) / 10_000 + 0;
}

export function addMoney(a: number, b: number): number {
  return roundMoney(a + b);
}

/** A new map with `amount` added to (or, negative, taken from) `currency`. */
export function addToCurrency(amounts: MoneyByCurrency, currency: string, amount: number): MoneyByCurrency {
  return { ...amounts, [currency]: addMoney(amounts[currency] ?? 0, amount) };
}

/** A new map with every amount of `change` added, each multiplied by `sign`. */
export function addAmounts(amounts: MoneyByCurrency, change: MoneyByCurrency, sign: 1 | -1 = 1): MoneyByCurrency {
  let total = amounts;
  for (const [currency, amount] of Object.entries(change)) total = addToCurrency(total, currency, sign * amount);
  return total;
}

/** The value of order lines per currency: quantity × unit price, rounded, summed in line order. */
export function amountsOfLines(lines: readonly { quantity: number; unitPrice: number; currency: string }[]): MoneyByCurrency {
  let amounts: MoneyByCurrency = {};
  for (const line of lines) amounts = addToCurrency(amounts, line.currency, roundMoney(line.quantity * line.unitPrice));
  return amounts;
}

/** "35.64 GBP", or "10 GBP + 5.5 EUR" for several currencies (in the order they first appear). */
export function describeAmounts(amounts: MoneyByCurrency): string {
  const parts = Object.entries(amounts).map(([currency, amount]) => `${amount} ${currency}`);
  return parts.length > 0 ? parts.join(' + ') : 'no amount';
}
