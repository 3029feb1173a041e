export * from './projection-definition';
export * from './projection-worker';
export * from './projection-runner';
export * from './projection-status';
export type { ProjectionLag } from './projection-lag';
export type { Clock, EngineErrorContext, EngineErrorListener, ProjectionEngineOptions } from './engine-options';
export { systemClock } from './engine-options';
export { eventTypeFilter } from './event-type-filter';
// Test doubles, pure like the rest: other libraries test their projections against them.
export { InMemoryReadData, InMemoryReadStore } from './testing/in-memory-read-store';
export { CrashingReadStore, SimulatedCrashError } from './testing/crashing-read-store';
// Parts other workers over the event store reuse (the audiences worker).
export { SubscriptionReader, woken } from './subscription-reader';
export { BatchDeadline } from './batch-deadline';
export { backoffDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { measureLag } from './projection-lag';
export { laterPosition } from './positions';
export { RateWindow } from './rate-window';
export { closeQuietly } from './close-quietly';
export { describeError } from './describe-error';
export { RetrySleep } from './retry-sleep';
