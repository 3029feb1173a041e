import { DynamicModule, Logger, Module, Provider } from '@nestjs/common';
import { PlatformConfig, ProjectionsConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { ReadStore } from '@cdp/read-store';
import { platformProjections } from '@cdp/read-models';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { PersonalData } from '../personal-data/open-personal-data';
import { PERSONAL_DATA } from '../personal-data/personal-data.module';
import { PLATFORM_CONFIG } from '../platform-config.token';
import { READ_STORE } from '../read-store/read-store.token';
import { openReadModelWorkers, ReadModelWorkersContext, readModelWorkersForStatus } from './create-read-model-workers';
import { ProjectionThreadLifecycle } from './projection-thread-lifecycle';
import { ProjectionWorkerLifecycle } from './projection-worker-lifecycle';
import { AUDIENCE_STORES, CUSTOMER_360_COLLECTION, PLATFORM_PROJECTIONS, READ_MODEL_WORKERS, SALES_BY_MONTH_COLLECTION } from './projection-tokens';
import { AudienceStores } from '@cdp/audiences';
import { ProjectionsController } from './projections.controller';

/**
 * The read models: their collections for the API, and the workers that keep them up to date: in a worker thread
 * (`PROJECTIONS=thread`), in this event loop (`in-process`), or not here (`off`: a projector process runs them).
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
        provide: AUDIENCE_STORES,
        inject: [READ_STORE],
        useFactory: (store: ReadStore) => AudienceStores.open(store, projections.customer360.collection),
      },
      {
        provide: READ_MODEL_WORKERS,
        inject: [PLATFORM_CONFIG, SEALED_EVENT_STORE, READ_STORE, { token: PERSONAL_DATA, optional: true }],
        useFactory: (platform: PlatformConfig, eventStore: EventStore, readStore: ReadStore, personalData?: PersonalData) => {
          const context: ReadModelWorkersContext = {
            config: { ...platform, projections: config },
            projections,
            stores: { eventStore, readStore },
            onError: (error, projection) => logger.error({ err: error, projection }, `projection ${projection} hit an error`),
          };
          // Elsewhere (a thread, another process), the workers here are never started: their statuses are the saved ones.
          return config.runWorker === 'in-process' ? openReadModelWorkers(context, personalData) : readModelWorkersForStatus(context);
        },
      },
    ];
    if (config.runWorker === 'in-process') providers.push(ProjectionWorkerLifecycle);
    if (config.runWorker === 'thread') providers.push(ProjectionThreadLifecycle);
    return {
      module: ProjectionsModule,
      global: true,
      controllers: [ProjectionsController],
      providers,
      exports: [PLATFORM_PROJECTIONS, CUSTOMER_360_COLLECTION, SALES_BY_MONTH_COLLECTION, READ_MODEL_WORKERS, AUDIENCE_STORES],
    };
  }
}
