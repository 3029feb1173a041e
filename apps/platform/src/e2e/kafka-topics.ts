import { randomBytes } from 'node:crypto';
import { Admin, IHeaders, Kafka, KafkaMessage, Message, Partitioners } from 'kafkajs';
import { ensureTopics, kafkaClient } from '@cdp/kafka';

/** Fresh topics and a consumer group for one test file, on the broker infra/start.sh runs. */
export interface TestTopics {
  brokers: string;
  topic: string;
  deadLetterTopic: string;
  groupId: string;
  kafka: Kafka;
  admin: Admin;
  /** The env that points the platform at these topics. */
  platformEnv: Record<string, string>;
}

export async function createTestTopics(name: string, partitions = 3): Promise<TestTopics> {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: the e2e global setup starts Kafka through infra/start.sh');
  const run = randomBytes(4).toString('hex');
  const topic = `cdp-e2e-${name}-${run}`;
  const deadLetterTopic = `${topic}.dead-letter`;
  const groupId = `cdp-e2e-${name}-${run}`;
  const kafka = kafkaClient({ brokers: brokers.split(','), clientId: `cdp-e2e-${run}`, logLevel: 'error' });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [topic, deadLetterTopic].map((t) => ({ topic: t, numPartitions: partitions })));
  return {
    brokers,
    topic,
    deadLetterTopic,
    groupId,
    kafka,
    admin,
    platformEnv: {
      KAFKA_BROKERS: brokers,
      KAFKA_INGEST_TOPICS: topic,
      KAFKA_DEAD_LETTER_TOPIC: deadLetterTopic,
      KAFKA_CONSUMER_GROUP: groupId,
      KAFKA_INGEST_PARTITIONS: String(partitions),
      // Each test file its own: the platform publishes segment membership changes there.
      SEGMENT_CHANGES_TOPIC: `${topic}.segment-membership`,
    },
  };
}

export async function dropTestTopics({ admin, topic, deadLetterTopic, groupId, platformEnv }: TestTopics): Promise<void> {
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic, deadLetterTopic, platformEnv.SEGMENT_CHANGES_TOPIC] }).catch(() => undefined);
  await admin.disconnect();
}

export async function produce(kafka: Kafka, topic: string, messages: Message[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let start = 0; start < messages.length; start += 1_000) {
      await producer.send({ topic, messages: messages.slice(start, start + 1_000) });
    }
  } finally {
    await producer.disconnect();
  }
}

/** The offsets the group committed, summed over partitions (0 for a partition it never committed). */
export async function committedCount(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return partitions.reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
}

export async function endCount(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, { offset }) => sum + Number(offset), 0);
}

export interface ReadMessage {
  partition: number;
  message: KafkaMessage;
}

/** Every message of a topic, read from the beginning by a throw-away group. */
export async function readWholeTopic({ kafka, admin }: TestTopics, topic: string): Promise<ReadMessage[]> {
  const total = await endCount(admin, topic);
  const read: ReadMessage[] = [];
  if (total === 0) return read;
  const groupId = `cdp-e2e-reader-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((done, fail) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          read.push({ partition, message });
          if (read.length >= total) done();
        },
      })
      .catch(fail);
  });
  await consumer.disconnect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  return read;
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : Array.isArray(value) ? String(value[0]) : String(value);
}
