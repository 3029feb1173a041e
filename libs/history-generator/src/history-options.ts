import { maxHistoryEvents } from './event-ids';

export interface HistoryOptions {
  /** The same seed (and options) always gives the same history, event for event. 42 and '42' are one seed. */
  seed: number | string;
  /** Parties registered over the period; each registration is one of the events. */
  customers: number;
  /** Events in all, registrations included: at least one per party. */
  events: number;
  /** Business time of the first event, included. */
  from: Date;
  /** Business time after the last event, excluded. */
  to: Date;
  /** SKUs in the product catalogue (default 5,000, at most 90,000). */
  products?: number;
}

export interface HistoryPlan {
  seed: string;
  customers: number;
  events: number;
  fromMs: number;
  toMs: number;
  products: number;
}

export class InvalidHistoryOptionsError extends Error {
  readonly code = 'invalid-history-options';
}

export const defaultProducts = 5_000;
const maxProducts = 90_000;

function count(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidHistoryOptionsError(`${name} must be an integer from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got ${String(value)}`);
  }
  return value;
}

function instant(name: string, value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new InvalidHistoryOptionsError(`${name} must be a valid Date, got ${String(value)}`);
  return ms;
}

export function historyPlan(options: HistoryOptions): HistoryPlan {
  const { seed } = options;
  if ((typeof seed !== 'number' || !Number.isFinite(seed)) && typeof seed !== 'string') {
    throw new InvalidHistoryOptionsError(`seed must be a finite number or a string, got ${String(seed)}`);
  }
  const customers = count('customers', options.customers, 1, 2 ** 31 - 1);
  if (typeof options.events === 'number' && options.events < customers) {
    throw new InvalidHistoryOptionsError(`events (${options.events}) must be at least customers (${customers}): every party's first event is its registration`);
  }
  const events = count('events', options.events, customers, maxHistoryEvents);
  const fromMs = instant('from', options.from);
  const toMs = instant('to', options.to);
  if (toMs - fromMs < 1000) throw new InvalidHistoryOptionsError('to must be at least one second after from');
  const products = count('products', options.products ?? defaultProducts, 1, maxProducts);
  return { seed: String(seed), customers, events, fromMs, toMs, products };
}
