import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { ObservabilityModule } from '@cdp/observability';
import { CampaignsModule } from './campaigns/campaigns.module';
import { SegmentsModule } from './segments/segments.module';
import { CustomersModule } from './customers/customers.module';
import { EventStoreModule } from './event-store/event-store.module';
import { CustomerViewModule } from './customer-view/customer-view.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { PersonalData } from './personal-data/open-personal-data';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PLATFORM_CONFIG } from './platform-config.token';
import { ProjectionsModule } from './projections/projections.module';
import { ReadStoreModule } from './read-store/read-store.module';
import { StatsModule } from './stats/stats.module';
import { ReadStore } from '@cdp/read-store';

export interface PlatformModuleOptions {
  config: PlatformConfig;
  /** Opened by the caller, so that a store that cannot open stops start-up before Nest runs. It decrypts personal data. */
  eventStore: EventStore;
  /** The same store without decryption: projections fold sealed events, and callers without the personal-data role read them. */
  sealedEventStore: EventStore;
  readStore: ReadStore;
  personalData: PersonalData;
  /** Where log lines go. Default: standard output. */
  logDestination?: { write(line: string): void };
}

@Module({})
export class PlatformModule {
  static forRoot({ config, eventStore, sealedEventStore, readStore, personalData, logDestination }: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ObservabilityModule.forRoot({
          serviceName: config.serviceName,
          logLevel: config.logLevel,
          logDestination,
          readinessChecks: [
            { name: 'event-store', check: () => eventStore.headPosition() },
            { name: 'read-store', check: () => readStore.loadCheckpoint('customer-360') },
          ],
        }),
        EventStoreModule.forRoot(eventStore, sealedEventStore),
        ReadStoreModule.forRoot(readStore),
        PersonalDataModule.forRoot(personalData),
        CqrsModule.forRoot(),
        CustomersModule,
        ProjectionsModule.forRoot(config.projections),
        CustomerViewModule,
        SegmentsModule,
        CampaignsModule,
        StatsModule,
        IngestionModule.forRoot({
          identityHashKey: personalData.identityHashKey,
          kafka: config.kafka && {
            ...config.kafka,
            clientId: config.serviceName,
            maxMessageBytes: config.ingestion.maxMessageBytes,
            logLevel: config.logLevel,
          },
        }),
      ],
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }],
      exports: [PLATFORM_CONFIG],
      global: true,
    };
  }
}
