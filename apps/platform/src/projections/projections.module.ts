import { DynamicModule, Logger, Module, Provider } from '@nestjs/common';
import { ProjectionsConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { ReadStore } from '@cdp/read-store';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { READ_STORE } from '../read-store/read-store.token';
import { platformProjections } from '@cdp/read-models';
import { createProjectionWorker } from './create-projection-worker';
import { ProjectionThreadLifecycle } from './projection-thread-lifecycle';
import { ProjectionWorkerLifecycle } from './projection-worker-lifecycle';
import { CUSTOMER_360_COLLECTION, PLATFORM_PROJECTIONS, PROJECTION_WORKER, SALES_BY_MONTH_COLLECTION } from './projection-tokens';
import { ProjectionsController } from './projections.controller';

/**
 * The read models: their collections for the API, and the worker that keeps them up to date: in a worker thread
 * (`PROJECTIONS=thread`), in this event loop (`in-process`), or not here (`off`: a projector process runs it).
 */
@Module({})
export class ProjectionsModule {
  static forRoot(config: ProjectionsConfig): DynamicModule {
    const projections = platformProjections(config);
    const logger = new Logger('Projections');
    const providers: Provider[] = [
      { provide: PLATFORM_PROJECTIONS, useValue: projections },
      {
        provide: CUSTOMER_360_COLLECTION,
        inject: [READ_STORE],
        useFactory: (store: ReadStore) => store.collection(projections.customer360.collection),
      },
      {
        provide: SALES_BY_MONTH_COLLECTION,
        inject: [READ_STORE],
        useFactory: (store: ReadStore) => store.collection(projections.salesByMonth.collection),
      },
      {
        provide: PROJECTION_WORKER,
        inject: [SEALED_EVENT_STORE, READ_STORE],
        useFactory: (eventStore: EventStore, readStore: ReadStore) =>
          createProjectionWorker(config, projections, { eventStore, readStore }, (error, projection) =>
            logger.error({ err: error, projection }, `projection ${projection} hit an error`),
          ),
      },
    ];
    // Elsewhere (a thread, another process), the worker here is never started: its statuses are the saved ones.
    if (config.runWorker === 'in-process') providers.push(ProjectionWorkerLifecycle);
    if (config.runWorker === 'thread') providers.push(ProjectionThreadLifecycle);
    return {
      module: ProjectionsModule,
      global: true,
      controllers: [ProjectionsController],
      providers,
      exports: [PLATFORM_PROJECTIONS, CUSTOMER_360_COLLECTION, SALES_BY_MONTH_COLLECTION, PROJECTION_WORKER],
    };
  }
}
