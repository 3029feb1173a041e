import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLATFORM_METRICS, PlatformMetrics } from './metrics-registry';

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

/** Requests that match no route share one label: raw paths would give every scanner its own time series. */
export const unmatchedRoute = '<unmatched>';

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(PLATFORM_METRICS) private readonly metrics: PlatformMetrics) {}

  use(req: RoutedRequest, res: ServerResponse, next: () => void): void {
    const stopTimer = this.metrics.httpRequestDuration.startTimer();
    // Nest mounts middleware as catch-all routes: a request still on such a route when it ends matched no handler.
    const catchAll = routeTemplate(req);
    res.once('finish', () => {
      const template = routeTemplate(req);
      const route = template === undefined || template === catchAll ? unmatchedRoute : template;
      stopTimer({ method: req.method ?? 'UNKNOWN', route, status_code: String(res.statusCode) });
    });
    next();
  }
}

/** The route as declared (`/v1/customers/:customerId/events`), known once the router matched it. */
function routeTemplate(req: RoutedRequest): string | undefined {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : undefined;
}
