import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';
import { pinoHttpOptions } from './logging/pino-http-options';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { createPlatformMetrics, PLATFORM_METRICS } from './metrics/metrics-registry';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from './observability-options';

/**
 * JSON logs with request ids, Prometheus metrics at GET /metrics, and health at
 * GET /health/live and GET /health/ready. Call `app.useLogger(app.get(Logger))` (nestjs-pino)
 * after creating the app, with `bufferLogs: true`, so that Nest's own lines are JSON too.
 */
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: options.logDestination ? [pinoHttpOptions(options), options.logDestination] : pinoHttpOptions(options),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: PLATFORM_METRICS, useFactory: () => createPlatformMetrics(options.serviceName) },
      ],
      exports: [LoggerModule, PLATFORM_METRICS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Mounted like nestjs-pino's middleware (a catch-all route for every method), which the middleware relies on.
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
