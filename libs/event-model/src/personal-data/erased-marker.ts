/**
 * What a personal field reads as once its subject's key is erased: the value is gone for good.
 * A type, not an interface, so that it stays assignable to Json (interfaces have no implicit index signature).
 */
export type ErasedMarker = { readonly erased: true };

export const erasedMarker: ErasedMarker = Object.freeze({ erased: true });

export function isErased(value: unknown): value is ErasedMarker {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { erased?: unknown }).erased === true &&
    Object.keys(value).length === 1
  );
}
