import { DynamicModule, Module, Provider } from '@nestjs/common';
import { CustomerStreams } from './customer-streams';
import { EventsController } from './http/events.controller';
import { IDENTITY_HASH_KEY } from './identity-hash-key.token';
import { IdentityIndex } from './identity-index';
import { IngestCustomerEventsHandler } from './ingest-customer-events.handler';
import { IngestionMetrics } from './ingestion-metrics';
import { IngestionService } from './ingestion.service';
import { KafkaIngestionGateway } from './kafka/kafka-ingestion.gateway';
import { KAFKA_INGESTION_OPTIONS, KafkaIngestionOptions } from './kafka/kafka-ingestion-options';

export interface IngestionModuleOptions {
  identityHashKey: Buffer;
  /** Absent: no Kafka consumer, HTTP and file ingestion only (the embedded default). */
  kafka?: KafkaIngestionOptions;
}

/** The write path (POST /v1/events, file imports) and, when configured, the Kafka gateway. */
@Module({})
export class IngestionModule {
  static forRoot({ identityHashKey, kafka }: IngestionModuleOptions): DynamicModule {
    const kafkaProviders: Provider[] = kafka ? [{ provide: KAFKA_INGESTION_OPTIONS, useValue: kafka }, KafkaIngestionGateway] : [];
    return {
      module: IngestionModule,
      controllers: [EventsController],
      providers: [
        { provide: IDENTITY_HASH_KEY, useValue: identityHashKey },
        CustomerStreams,
        IdentityIndex,
        IngestCustomerEventsHandler,
        IngestionMetrics,
        IngestionService,
        ...kafkaProviders,
      ],
      exports: [IngestionService, IngestionMetrics],
    };
  }
}
