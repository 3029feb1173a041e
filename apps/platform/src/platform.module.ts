import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { ObservabilityModule } from '@cdp/observability';
import { CustomersModule } from './customers/customers.module';
import { EventStoreModule } from './event-store/event-store.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { PersonalData } from './personal-data/open-personal-data';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PLATFORM_CONFIG } from './platform-config.token';

export interface PlatformModuleOptions {
  config: PlatformConfig;
  /** Opened by the caller, so that a store that cannot open stops start-up before Nest runs. It decrypts personal data. */
  eventStore: EventStore;
  personalData: PersonalData;
  /** Where log lines go. Default: standard output. */
  logDestination?: { write(line: string): void };
}

@Module({})
export class PlatformModule {
  static forRoot({ config, eventStore, personalData, logDestination }: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ObservabilityModule.forRoot({
          serviceName: config.serviceName,
          logLevel: config.logLevel,
          logDestination,
          readinessChecks: [{ name: 'event-store', check: () => eventStore.headPosition() }],
        }),
        EventStoreModule.forRoot(eventStore),
        PersonalDataModule.forRoot(personalData),
        CqrsModule.forRoot(),
        CustomersModule,
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
