/** The system of record, injected as the `EventStore` port: nothing above it knows which adapter runs. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The same store without the decrypting layer: events with their personal fields sealed, as projections
 * fold them and as callers not allowed to see personal data read them.
 */
export const SEALED_EVENT_STORE = Symbol('SEALED_EVENT_STORE');
