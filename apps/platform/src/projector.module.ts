import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { ObservabilityModule } from '@cdp/observability';
import { ReadStore } from '@cdp/read-store';
import { EventStoreModule } from './event-store/event-store.module';
import { PLATFORM_CONFIG } from './platform-config.token';
import { ProjectionsModule } from './projections/projections.module';
import { ReadStoreModule } from './read-store/read-store.module';
import { PersonalData } from './personal-data/open-personal-data';
import { PersonalDataModule } from './personal-data/personal-data.module';

export interface ProjectorModuleOptions {
  config: PlatformConfig;
  /** Sealed: a projector folds personal data sealed. */
  eventStore: EventStore;
  readStore: ReadStore;
  /** Opens, in memory and for one evaluation, the personal fields a segment reads (age, gender, occupation). */
  personalData: PersonalData;
}

/** The read model workers alone, with their health, metrics and status endpoints: scaled apart from the API. */
@Module({})
export class ProjectorModule {
  static forRoot({ config, eventStore, readStore, personalData }: ProjectorModuleOptions): DynamicModule {
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
        PersonalDataModule.forRoot(personalData),
        ProjectionsModule.forRoot({ ...config.projections, runWorker: 'in-process' }),
      ],
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }],
      exports: [PLATFORM_CONFIG],
      global: true,
    };
  }
}
