/** The system of record, injected as the `EventStore` port: nothing above it knows which adapter runs. */
export const EVENT_STORE = Symbol('EVENT_STORE');
