import { RecordedEvent } from '@cdp/event-model';
import { UnfoldableSaleError } from './unfoldable-sale-error';

export const salesEventTypes = ['OrderPlaced', 'RefundIssued', 'ReturnRefunded', 'ReturnRequested'] as const;

/** What one event adds to one month in one currency. */
export type SaleFact = {
  month: string;
  currency: string;
  orders: number;
  revenue: number;
  refunds: number;
  returns: number;
};

type Fields = { readonly [field: string]: unknown };

/**
 * The month and currency an event touches and what it adds there, or null when it adds nothing:
 * - OrderPlaced: one order, and the value of its lines in the currency of its first line. An order with lines
 *   in several currencies is rare (one shop, one currency); the lines in other currencies are not counted,
 *   since one event changes one document.
 * - RefundIssued: its amount as refunds.
 * - ReturnRefunded: its amount as refunds, unless it names a refundId: that RefundIssued carries the money.
 * - ReturnRequested: one return. It carries no money, so it is counted in the `returnsCurrency` document.
 * @throws UnfoldableSaleError when a field it reads has the wrong shape.
 */
export function saleFactOf(event: RecordedEvent, returnsCurrency: string): SaleFact | null {
  try {
    const data = object(event.data, 'data');
    const month = monthOf(object(event.metadata, 'metadata').occurredAt);
    const none = { month, orders: 0, revenue: 0, refunds: 0, returns: 0 };
    switch (event.type) {
      case 'OrderPlaced': {
        const lines = nonEmptyArray(data.lines, 'data.lines').map((line, index) => orderLine(line, `data.lines[${index}]`));
        const currency = lines[0].currency;
        const revenue = lines
          .filter((line) => line.currency === currency)
          .reduce((sum, line) => addMoney(sum, roundMoney(line.quantity * line.unitPrice)), 0);
        return { ...none, currency, orders: 1, revenue };
      }
      case 'RefundIssued':
        return { ...none, currency: currencyCode(data.currency, 'data.currency'), refunds: amount(data.amount, 'data.amount') };
      case 'ReturnRefunded':
        if (data.refundId !== undefined) return null;
        return { ...none, currency: currencyCode(data.currency, 'data.currency'), refunds: amount(data.amount, 'data.amount') };
      case 'ReturnRequested':
        return { ...none, currency: returnsCurrency, returns: 1 };
      default:
        throw new ShapeProblem(`${event.type} is not a type sales-by-month folds`);
    }
  } catch (error) {
    if (error instanceof ShapeProblem) throw new UnfoldableSaleError(event, error.message);
    throw error;
  }
}

/** Amounts have at most 4 decimals: sums are rounded back to 4 at each addition so floats never drift. */
export function roundMoney(value: number): number {
  return Math.round(value * 10_000) / 10_000 + 0;
}

export function addMoney(a: number, b: number): number {
  return roundMoney(a + b);
}

class ShapeProblem extends Error {}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ShapeProblem(`${path} must be ${expected} (got ${kindOf(value)})`);
}

function object(value: unknown, path: string): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : fail(path, 'an object', value);
}

function nonEmptyArray(value: unknown, path: string): readonly unknown[] {
  return Array.isArray(value) && value.length > 0 ? value : fail(path, 'a non-empty array', value);
}

function orderLine(value: unknown, path: string): { quantity: number; unitPrice: number; currency: string } {
  const line = object(value, path);
  const validQuantity = Number.isInteger(line.quantity) && (line.quantity as number) >= 1;
  const quantity = validQuantity ? (line.quantity as number) : fail(`${path}.quantity`, 'an integer of at least 1', line.quantity);
  return { quantity, unitPrice: amount(line.unitPrice, `${path}.unitPrice`), currency: currencyCode(line.currency, `${path}.currency`) };
}

function amount(value: unknown, path: string): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fail(path, 'a finite number of at least 0', value);
}

function currencyCode(value: unknown, path: string): string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : fail(path, 'an ISO 4217 currency code such as "GBP"', value);
}

/** `yyyy-mm` of the UTC month of an ISO instant. */
function monthOf(occurredAt: unknown): string {
  const ms = typeof occurredAt === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(occurredAt) ? Date.parse(occurredAt) : NaN;
  if (Number.isNaN(ms)) fail('metadata.occurredAt', 'an ISO 8601 instant such as "2024-05-01T10:00:00Z"', occurredAt);
  return new Date(ms).toISOString().slice(0, 7);
}
