import { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Default: the broker's `default.replication.factor`. */
  replicationFactor?: number;
}

/**
 * The topic exists with another partition count. Kafka can only add partitions, and adding
 * them moves keys to other partitions, which breaks per-key order: that is an operator's decision.
 */
export class TopicPartitionsMismatchError extends Error {
  readonly code = 'topic-partitions-mismatch';
  constructor(
    readonly topic: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`topic ${topic} has ${actual} partitions, not the ${expected} configured: change the configuration or the topic`);
  }
}

/** Creates the missing topics and checks that the existing ones have the partitions asked for. */
export async function ensureTopics(admin: Admin, topics: readonly TopicSpec[]): Promise<void> {
  if (topics.length === 0) return;
  // Asking for existing topics would make kafkajs log an error at every start-up.
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter(({ topic }) => !existing.has(topic));
  if (missing.length > 0) {
    // Another instance may create them in between: createTopics then resolves false, and the check below still holds.
    await admin.createTopics({
      topics: missing.map(({ topic, numPartitions, replicationFactor }) => ({ topic, numPartitions, replicationFactor })),
      waitForLeaders: true,
    });
  }
  const { topics: found } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
  for (const { topic, numPartitions } of topics) {
    const actual = found.find((t) => t.name === topic)?.partitions.length ?? 0;
    if (actual !== numPartitions) throw new TopicPartitionsMismatchError(topic, numPartitions, actual);
  }
}
