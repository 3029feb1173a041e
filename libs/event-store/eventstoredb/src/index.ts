export { connectEventStoreDb, EventStoreDbEventStore } from './eventstoredb-event-store';
export type { EventStoreDbOptions, EventStoreDbSubscribeOptions } from './eventstoredb-event-store';
export type { BackoffPolicy } from './backoff';
export { NotAnEnvelopeError } from './envelope-codec';
export { RetriedAppendPositionUnknownError } from './retried-append-position-unknown-error';
