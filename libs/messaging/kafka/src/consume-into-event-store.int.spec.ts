import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, Consumer, IHeaders, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { Channel, customerStream, Direction, NewEvent, RecordedEvent } from '@cdp/event-model';
import { EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { ensureTopics } from './ensure-topics';
import { kafkaClient } from './kafka-client';
import { eventIdForMessage } from './message-event-id';

// A real broker (infra/start.sh) in, the embedded event store out: the path the ingestion gateway takes.

interface InteractionMessage {
  customerId: string;
  channel: Channel;
  direction: Direction;
  kind: string;
  occurredAt: string;
}

interface Handled {
  eventId: string;
  customerId: string;
  partition: number;
  revision: number;
}

const customerCount = 10;
const perCustomer = 10;
const total = customerCount * perCustomer;

/** Customers interleaved, as a real feed sends them; each customer's interactions one minute apart. */
function interactionsToProduce(): InteractionMessage[] {
  const messages: InteractionMessage[] = [];
  for (let seq = 0; seq < perCustomer; seq++) {
    for (let c = 0; c < customerCount; c++) {
      messages.push({
        customerId: `c-${c}`,
        channel: 'web',
        direction: 'inbound',
        kind: 'page-viewed',
        occurredAt: new Date(Date.UTC(2024, 0, 1, 9, seq, c)).toISOString(),
      });
    }
  }
  return messages;
}

function header(headers: IHeaders | undefined, name: string): string {
  const value = headers?.[name];
  if (value === undefined || Array.isArray(value)) throw new Error(`message has no single ${name} header`);
  return value.toString();
}

function interactionRecorded(topic: string, partition: number, message: KafkaMessage): NewEvent {
  const interaction = JSON.parse((message.value as Buffer).toString()) as InteractionMessage;
  return {
    eventId: eventIdForMessage({ topic, partition, offset: message.offset }),
    type: 'InteractionRecorded',
    schemaVersion: 1,
    data: { channel: interaction.channel, direction: interaction.direction, kind: interaction.kind },
    metadata: {
      correlationId: header(message.headers, 'correlation-id'),
      causationId: header(message.headers, 'message-id'),
      occurredAt: interaction.occurredAt,
      source: { service: 'kafka-int-test', topic, partition, offset: message.offset },
      actor: { kind: 'service', id: 'interactions-feed' },
    },
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('consuming a Kafka topic into the event store', () => {
  const runId = randomBytes(5).toString('hex');
  const topic = `cdp-int-interactions-${runId}`;
  const groups = [`cdp-int-first-${runId}`, `cdp-int-replay-${runId}`];
  const produced = interactionsToProduce();
  const dataDir = mkdtempSync(join(tmpdir(), 'cdp-kafka-int-'));
  const consumers: Consumer[] = [];
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let store: EmbeddedEventStore;

  beforeAll(async () => {
    kafka = kafkaClient({ brokers: (process.env.KAFKA_BROKERS as string).split(','), clientId: `cdp-int-${runId}`, logLevel: 'error' });
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic, numPartitions: 3 }]);
    store = openEmbeddedEventStore({ dataDir });

    // The partitioner Java clients use, so keys land where they would from any other producer.
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic,
      messages: produced.map((interaction) => ({
        key: interaction.customerId,
        value: JSON.stringify(interaction),
        headers: { 'message-id': randomUUID(), 'correlation-id': randomUUID() },
      })),
    });
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await producer?.disconnect();
    if (admin) {
      await admin.deleteGroups(groups).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    }
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Reads the whole topic in a new consumer group, appending one event per message. Offsets are
   * resolved after the append returns and committed after the batch, so a crash can only redeliver.
   */
  async function consumeAll(groupId: string): Promise<Handled[]> {
    const consumer = kafka.consumer({ groupId });
    consumers.push(consumer);
    const handled: Handled[] = [];
    const allHandled = new Promise<void>((resolve, reject) => {
      consumer
        .connect()
        .then(() => consumer.subscribe({ topic, fromBeginning: true }))
        .then(() =>
          consumer.run({
            autoCommit: false,
            eachBatchAutoResolve: false,
            eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale }) => {
              try {
                for (const message of batch.messages) {
                  if (!isRunning() || isStale()) break;
                  const customerId = (message.key as Buffer).toString();
                  const event = interactionRecorded(batch.topic, batch.partition, message);
                  const { nextExpectedRevision } = await store.appendToStream(customerStream(customerId), [event]);
                  handled.push({ eventId: event.eventId, customerId, partition: batch.partition, revision: nextExpectedRevision });
                  resolveOffset(message.offset);
                  await heartbeat();
                }
                await commitOffsetsIfNecessary(uncommittedOffsets());
                if (handled.length >= total) resolve();
              } catch (error) {
                reject(error);
                throw error;
              }
            },
          }),
        )
        .catch(reject);
    });
    await allHandled;
    await consumer.disconnect();
    return handled;
  }

  async function storedEvents(): Promise<RecordedEvent[]> {
    return collect(store.readAll());
  }

  async function streamOf(customerId: string): Promise<RecordedEvent[]> {
    return collect(store.readStream(customerStream(customerId)));
  }

  let firstPass: Handled[];

  it('appends every message once, in a stream per customer, in the order produced', async () => {
    firstPass = await consumeAll(groups[0]);

    expect(firstPass).toHaveLength(total);
    expect(new Set(firstPass.map((h) => h.partition)).size).toBeGreaterThan(1);
    const stored = await storedEvents();
    expect(stored).toHaveLength(total);
    expect(new Set(stored.map((e) => e.eventId)).size).toBe(total);

    for (let c = 0; c < customerCount; c++) {
      const customerId = `c-${c}`;
      const stream = await streamOf(customerId);
      expect(stream.map((e) => e.revision)).toEqual([...Array(perCustomer).keys()]);
      expect(stream.map((e) => e.metadata.occurredAt)).toEqual(
        produced.filter((i) => i.customerId === customerId).map((i) => i.occurredAt),
      );
      const offsets = stream.map((e) => BigInt(e.metadata.source.offset as string));
      expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
      expect(new Set(stream.map((e) => e.metadata.source.partition)).size).toBe(1);
    }
  });

  it('records where each event came from, and who caused it', async () => {
    const [event] = await streamOf('c-0');

    expect(event).toMatchObject({
      type: 'InteractionRecorded',
      schemaVersion: 1,
      streamId: 'customer-c-0',
      data: { channel: 'web', direction: 'inbound', kind: 'page-viewed' },
      metadata: {
        occurredAt: produced[0].occurredAt,
        source: { service: 'kafka-int-test', topic },
        actor: { kind: 'service', id: 'interactions-feed' },
      },
    });
    const { partition, offset } = event.metadata.source;
    expect(event.eventId).toBe(eventIdForMessage({ topic, partition: partition as number, offset: offset as string }));
  });

  it('commits the offsets of everything it appended', async () => {
    const [committed] = await admin.fetchOffsets({ groupId: groups[0], topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);

    const byPartition = (rows: { partition: number; offset: string }[]) =>
      rows.map(({ partition, offset }) => ({ partition, offset })).sort((a, b) => a.partition - b.partition);
    expect(byPartition(committed.partitions)).toEqual(byPartition(ends));
    expect(ends.reduce((sum, p) => sum + Number(p.offset), 0)).toBe(total);
  });

  it('appends nothing twice when a new group redelivers the whole topic', async () => {
    const replay = await consumeAll(groups[1]);

    expect(replay).toHaveLength(total);
    const firstRevisions = new Map(firstPass.map((h) => [h.eventId, h.revision]));
    for (const { eventId, revision } of replay) expect(revision).toBe(firstRevisions.get(eventId));
    expect(await storedEvents()).toHaveLength(total);
    for (let c = 0; c < customerCount; c++) expect(await streamOf(`c-${c}`)).toHaveLength(perCustomer);
  });
});
