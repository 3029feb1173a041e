/** The object without its `undefined` fields: events are JSON, where an absent field and `undefined` are one thing. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
