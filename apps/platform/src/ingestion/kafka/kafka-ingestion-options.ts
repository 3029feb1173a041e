import { KafkaIngestionConfig, LogLevel } from '@cdp/config';

export interface KafkaIngestionOptions extends KafkaIngestionConfig {
  clientId: string;
  maxMessageBytes: number;
  logLevel: LogLevel;
}

export const KAFKA_INGESTION_OPTIONS = Symbol('KAFKA_INGESTION_OPTIONS');
