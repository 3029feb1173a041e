import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { isRejection, parseIngestionBytes, rejection, Rejection } from '@cdp/ingestion';
import { ensureTopics, eventIdForMessage, kafkaClient } from '@cdp/kafka';
import { Consumer, EachBatchPayload, Kafka, Partitioners, Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { failpoint } from '../../failpoints';
import { IngestionMetrics } from '../ingestion-metrics';
import { IngestionResult } from '../ingestion-result';
import { IncomingMessage, IngestionService } from '../ingestion.service';
import { isOutage } from '../is-outage';
import { deadLetterMessage, deadLetterSends } from './dead-letter-message';
import { KAFKA_INGESTION_OPTIONS, KafkaIngestionOptions } from './kafka-ingestion-options';

const maxBackoffMs = 5_000;

/**
 * Consumes the ingestion topics into the event store, at least once and without duplicates:
 * a batch's offsets are committed only after its events are appended and its rejects are in
 * the dead-letter topic; a redelivered message derives the same event id and appends nothing.
 */
@Injectable()
export class KafkaIngestionGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('KafkaIngestion');
  private readonly kafka: Kafka;
  private readonly consumer: Consumer;
  private readonly producer: Producer;

  constructor(
    @Inject(KAFKA_INGESTION_OPTIONS) private readonly options: KafkaIngestionOptions,
    private readonly ingestion: IngestionService,
    private readonly metrics: IngestionMetrics,
  ) {
    this.kafka = kafkaClient({ brokers: options.brokers, clientId: options.clientId, logLevel: options.logLevel === 'info' ? 'warn' : options.logLevel });
    this.consumer = this.kafka.consumer({ groupId: options.groupId });
    // Idempotent: a retried send of dead letters does not write them twice.
    // The Java client's partitioner: a dead letter lands where any other producer would put its key.
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { topics, deadLetterTopic, partitions } = this.options;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [...topics, deadLetterTopic].map((topic) => ({ topic, numPartitions: partitions })));
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: partitions,
      eachBatch: (payload) => this.ingestBatch(payload),
    });
    this.logger.log({ topics, groupId: this.options.groupId, deadLetterTopic }, `consuming ${topics.join(', ')}`);
  }

  /** Lets the batch in flight finish and commit (kafkajs waits for it on disconnect), before the event store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
    this.logger.log('stopped consuming');
  }

  private async ingestBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning }: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    if (messages.length === 0) return;
    const incoming = messages.map((message): IncomingMessage => {
      const parsed = message.value === null ? noValue() : parseIngestionBytes(message.value, this.options);
      return {
        message: parsed,
        // A SHA-1 per message: only worth it when the producer gave no id of its own.
        defaultEventId: !isRejection(parsed) && parsed.eventId ? parsed.eventId : eventIdForMessage({ topic, partition, offset: message.offset }),
        source: { service: this.options.clientId, topic, partition, offset: message.offset },
      };
    });
    const results = await this.whileStoresAreDown(() => this.ingestion.ingest(incoming, { kind: 'service', id: `kafka:${topic}` }), heartbeat, isRunning);
    // Stopped during an outage: nothing is committed, so the batch comes again after the restart.
    if (results === undefined) return;

    const now = new Date();
    const deadLetters = results.flatMap((result, index) =>
      result.status === 'rejected' ? [deadLetterMessage(messages[index], result, { topic, partition, offset: messages[index].offset }, now)] : [],
    );
    for (const send of deadLetterSends(deadLetters)) await this.producer.send({ topic: this.options.deadLetterTopic, messages: send });
    await failpoint('kafka-before-commit');
    resolveOffset(messages[messages.length - 1].offset);
    await commitOffsetsIfNecessary(uncommittedOffsets());
    this.metrics.count('kafka', results);
    await heartbeat();
  }

  /** Retries while the event store (or the key store) cannot be reached: an outage is not the message's fault. */
  private async whileStoresAreDown(
    task: () => Promise<IngestionResult[]>,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<IngestionResult[] | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await task();
      } catch (error) {
        if (!isOutage(error)) throw error;
        if (!isRunning()) return undefined;
        const delay = Math.min(maxBackoffMs, 100 * 2 ** attempt);
        this.logger.warn({ attempt, retryInMs: delay, err: error }, 'a store is unavailable; the batch waits and is not committed');
        await sleep(delay);
        await heartbeat();
      }
    }
  }
}

function noValue(): Rejection {
  return rejection('invalid-json', 'the message has no value (a tombstone): send the event as a JSON object');
}
