import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface PlatformMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
}

/** A registry per app instance (never prom-client's global one), so that two apps in one process never collide. */
export function createPlatformMetrics(serviceName: string): PlatformMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
}

export const PLATFORM_METRICS = Symbol('PLATFORM_METRICS');
