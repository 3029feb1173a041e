import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { loadPlatformConfig } from '@cdp/config';
import { EventStore, EventStoreUnavailableError } from '@cdp/event-store';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { ensureTopics, kafkaClient } from '@cdp/kafka';
import { Admin, Kafka } from 'kafkajs';
import { createPlatformApp } from '../../create-platform-app';
import { waitUntil } from '../../e2e/wait-until';
import { storedEvents } from '../../e2e/stored-events';
import { openPersonalData, PersonalData } from '../../personal-data/open-personal-data';
import { openReadStore } from '../../read-store/open-read-store';

// The real broker, and an event store that is down for a while: the message must wait, uncommitted,
// and go in once the store is back; an outage never sends a valid message to the dead-letter topic.

/** The embedded store, with appends failing as an unreachable server's would while `down` is set. */
function flaky(inner: EventStore): EventStore & { down: boolean; failedAppends: number } {
  const state = { down: true, failedAppends: 0 };
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'down' || property === 'failedAppends') return state[property];
      if (property === 'appendToStream' && state.down) {
        return async () => {
          state.failedAppends++;
          throw new EventStoreUnavailableError('connection refused (simulated outage)');
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(_target, property, value) {
      if (property !== 'down') return false;
      state.down = value as boolean;
      return true;
    },
  }) as EventStore & { down: boolean; failedAppends: number };
}

describe('the Kafka gateway during an event store outage', () => {
  const run = randomBytes(4).toString('hex');
  const topic = `cdp-int-outage-${run}`;
  const deadLetterTopic = `${topic}.dead-letter`;
  const groupId = `cdp-int-outage-${run}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cdp-outage-'));
  let kafka: Kafka;
  let admin: Admin;
  let app: INestApplication | undefined;
  let personalData: PersonalData;

  beforeAll(async () => {
    kafka = kafkaClient({ brokers: (process.env.KAFKA_BROKERS as string).split(','), clientId: `cdp-int-${run}`, logLevel: 'error' });
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topic, deadLetterTopic].map((t) => ({ topic: t, numPartitions: 1 })));
  });

  afterAll(async () => {
    await app?.close();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic, deadLetterTopic] }).catch(() => undefined);
    await admin.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const committed = async () => Number((await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions[0].offset);
  const deadLetters = async () => Number((await admin.fetchTopicOffsets(deadLetterTopic))[0].offset);

  it('retries without committing while the store is down, then appends the message once', async () => {
    const config = loadPlatformConfig({
      EVENT_STORE_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: process.env.KAFKA_BROKERS,
      KAFKA_INGEST_TOPICS: topic,
      KAFKA_DEAD_LETTER_TOPIC: deadLetterTopic,
      KAFKA_CONSUMER_GROUP: groupId,
      KAFKA_INGEST_PARTITIONS: '1',
      PROJECTIONS: 'off',
    });
    personalData = await openPersonalData(config.personalData);
    const sealedEventStore = openEmbeddedEventStore({ dataDir });
    const store = flaky(personalData.decrypting(sealedEventStore));
    const readStore = await openReadStore(config.readStore);
    app = await createPlatformApp({ config, eventStore: store, sealedEventStore, readStore, personalData, logDestination: { write: () => undefined } });
    await app.init();

    const producer = kafka.producer();
    await producer.connect();
    const message = { type: 'InteractionRecorded', customerId: 'c-outage', occurredAt: '2025-05-01T10:00:00Z', data: { channel: 'phone', direction: 'inbound', kind: 'call' } };
    await producer.send({ topic, messages: [{ key: 'c-outage', value: JSON.stringify(message) }] });
    await producer.disconnect();

    await waitUntil('three appends failed', () => store.failedAppends >= 3);
    expect(await committed()).toBeLessThan(1);
    expect(await deadLetters()).toBe(0);

    store.down = false;
    await waitUntil('the message is committed', async () => (await committed()) === 1);
    await app.close();
    app = undefined;

    const events = await storedEvents(dataDir);
    expect(events.map((event) => [event.streamId, event.type])).toEqual([['customer-c-outage', 'InteractionRecorded']]);
    expect(await deadLetters()).toBe(0);
  });
});
