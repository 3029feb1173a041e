import { randomBytes } from 'node:crypto';
import { Admin } from 'kafkajs';
import { ensureTopics, TopicPartitionsMismatchError } from './ensure-topics';
import { kafkaClient } from './kafka-client';

describe('ensureTopics against a real broker', () => {
  const runId = randomBytes(5).toString('hex');
  const topics = [`cdp-int-orders-${runId}`, `cdp-int-returns-${runId}`];
  let admin: Admin;

  beforeAll(async () => {
    const kafka = kafkaClient({ brokers: (process.env.KAFKA_BROKERS as string).split(','), clientId: `cdp-int-${runId}`, logLevel: 'error' });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics });
    await admin.disconnect();
  });

  it('creates missing topics with their partitions, and accepts them on every later run', async () => {
    await ensureTopics(admin, [{ topic: topics[0], numPartitions: 3 }]);
    await ensureTopics(admin, [
      { topic: topics[0], numPartitions: 3 },
      { topic: topics[1], numPartitions: 2 },
    ]);
    await ensureTopics(admin, [
      { topic: topics[0], numPartitions: 3 },
      { topic: topics[1], numPartitions: 2 },
    ]);

    const { topics: found } = await admin.fetchTopicMetadata({ topics });
    const described = found.map((t) => [t.name, t.partitions.length, t.partitions.every((p) => p.leader >= 0)]);
    expect(described.sort()).toEqual([
      [topics[0], 3, true],
      [topics[1], 2, true],
    ]);
  });

  it('refuses a topic whose partition count differs from the configuration', async () => {
    const attempt = ensureTopics(admin, [{ topic: topics[1], numPartitions: 6 }]);

    await expect(attempt).rejects.toBeInstanceOf(TopicPartitionsMismatchError);
    await expect(attempt).rejects.toThrow(`topic ${topics[1]} has 2 partitions, not the 6 configured`);
  });
});
