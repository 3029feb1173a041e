export * from './observability-options';
export * from './observability.module';
export * from './metrics/metrics-registry';
export { correlationIdHeader, correlationIdOf, headerValue, isSafeId, requestIdHeader } from './logging/request-ids';
