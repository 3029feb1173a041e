import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { ObservabilityModule } from '@cdp/observability';
import { ReadStore } from '@cdp/read-store';
import { EventStoreModule } from './event-store/event-store.module';
import { PLATFORM_CONFIG } from './platform-config.token';
import { ProjectionsModule } from './projections/projections.module';
import { ReadStoreModule } from './read-store/read-store.module';

export interface ProjectorModuleOptions {
  config: PlatformConfig;
  /** Sealed: a projector never needs personal data in clear. */
  eventStore: EventStore;
  readStore: ReadStore;
}

/** The projection worker alone, with its health, metrics and status endpoints: scaled apart from the API. */
@Module({})
export class ProjectorModule {
  static forRoot({ config, eventStore, readStore }: ProjectorModuleOptions): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        ObservabilityModule.forRoot({
          serviceName: `${config.serviceName}-projector`,
          logLevel: config.logLevel,
          readinessChecks: [
            { name: 'event-store', check: () => eventStore.headPosition() },
            { name: 'read-store', check: () => readStore.loadCheckpoint('customer-360') },
          ],
        }),
        EventStoreModule.forRoot(eventStore, eventStore),
        ReadStoreModule.forRoot(readStore),
        ProjectionsModule.forRoot({ ...config.projections, runWorker: 'in-process' }),
      ],
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }],
      exports: [PLATFORM_CONFIG],
      global: true,
    };
  }
}
