import { Position } from '@cdp/event-store';

/** The later of two positions; null stands for "before the first event". */
export function laterPosition(a: Position | null, b: Position | null): Position | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}
