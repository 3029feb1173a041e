/** One day in milliseconds: day counts in the read model are UTC days of 24 hours. */
export const dayMs = 86_400_000;

/**
 * Instants are kept as `toISOString()` strings (`2011-12-09T12:50:00.000Z`): one fixed format, so
 * string order is time order, which the read store's range conditions rely on.
 */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds since the epoch of an ISO instant, or NaN when it is not one. */
export function instantMs(iso: string): number {
  return Date.parse(iso);
}

/** The later of two normalised instants; null counts as "never". */
export function laterOf(current: string | null, candidate: string): string {
  return current === null || candidate > current ? candidate : current;
}

/** The earlier of two normalised instants; null counts as "never". */
export function earlierOf(current: string | null, candidate: string): string {
  return current === null || candidate < current ? candidate : current;
}

/** True when `candidate` happened at or after `current`: on equal business times, the later in the log wins. */
export function isAtOrAfter(candidate: string, current: string | null | undefined): boolean {
  return current === null || current === undefined || candidate >= current;
}

/** The UTC calendar day of an instant, as a day number since the epoch. */
export function utcDay(iso: string): number {
  return Math.floor(instantMs(iso) / dayMs);
}

/** The instant `days` (possibly fractional) after `iso`, to the millisecond. */
export function plusDays(iso: string, days: number): string {
  return isoInstant(instantMs(iso) + Math.round(days * dayMs));
}
