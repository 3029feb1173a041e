/**
 * A global position is opaque: adapters encode it as a fixed-width string, so the string
 * order is the log order. Never do arithmetic on it; only store it, compare it and pass it back.
 */
export type Position = string;

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
