/** A comparator: negative when `a` comes first. */
export type Order<T> = (a: T, b: T) => number;

/** Compares strings by UTF-16 code units, as the read store sorts them (not by locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `items` in `order` (a stable sort), cut to the first `cap`: what a bounded list keeps when it is full. */
export function keepFirst<T>(items: readonly T[], order: Order<T>, cap: number): T[] {
  return [...items].sort(order).slice(0, cap);
}

/**
 * `item` inserted into `items` (already in `order`) after its equals, cut to the first `cap`: the same as
 * `keepFirst([...items, item], order, cap)` without sorting again.
 */
export function insertInOrder<T>(items: readonly T[], item: T, order: Order<T>, cap: number): T[] {
  let index = items.length;
  while (index > 0 && order(item, items[index - 1]) < 0) index--;
  if (index >= cap) return items as T[];
  const inserted = [...items.slice(0, index), item, ...items.slice(index)];
  return inserted.length > cap ? inserted.slice(0, cap) : inserted;
}

/** The list with the item matching `matches` replaced by `change(item)`; the same list when none matches. */
export function replaceWhere<T>(items: T[], matches: (item: T) => boolean, change: (item: T) => T): T[] {
  const index = items.findIndex(matches);
  if (index < 0) return items;
  const copy = [...items];
  copy[index] = change(items[index]);
  return copy;
}
