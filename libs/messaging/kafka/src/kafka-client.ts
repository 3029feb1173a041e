import { Kafka, logLevel as kafkajsLogLevel, RetryOptions } from 'kafkajs';

/** pino's level names, the ones LOG_LEVEL takes, so one setting drives every logger. */
export type KafkaLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface KafkaClientOptions {
  brokers: readonly string[];
  clientId: string;
  /** Default `warn`: kafkajs logs every group join and rebalance at `info`. */
  logLevel?: KafkaLogLevel;
  /** Merged over the defaults below. */
  retry?: RetryOptions;
}

const levels: Record<KafkaLogLevel, kafkajsLogLevel> = {
  fatal: kafkajsLogLevel.ERROR,
  error: kafkajsLogLevel.ERROR,
  warn: kafkajsLogLevel.WARN,
  info: kafkajsLogLevel.INFO,
  debug: kafkajsLogLevel.DEBUG,
  trace: kafkajsLogLevel.DEBUG,
  silent: kafkajsLogLevel.NOTHING,
};

// kafkajs's 5 retries from 300 ms give up after about 10 s, sooner than a broker restart or a
// leader election can take; 8 retries (the last capped at 30 s) wait about 70 s before an error surfaces.
export const defaultRetry: RetryOptions = { initialRetryTime: 300, maxRetryTime: 30_000, retries: 8 };

export function kafkaClient({ brokers, clientId, logLevel = 'warn', retry }: KafkaClientOptions): Kafka {
  if (brokers.length === 0) throw new Error('no Kafka broker given: set KAFKA_BROKERS, e.g. "127.0.0.1:9092"');
  return new Kafka({
    brokers: [...brokers],
    clientId,
    logLevel: levels[logLevel],
    retry: { ...defaultRetry, ...retry },
  });
}
