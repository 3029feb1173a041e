import { Admin } from 'kafkajs';

/** Creates a topic with its partitions, or fails: a benchmark topic is always new. */
export async function createTopic(admin: Admin, topic: string, numPartitions: number): Promise<void> {
  const created = await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
  if (!created) throw new Error(`topic ${topic} exists already`);
}

/** The end offset of each partition: how many messages it holds, on a new topic. */
export async function endOffsets(admin: Admin, topic: string): Promise<number[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.sort((a, b) => a.partition - b.partition).map(({ offset }) => Number(offset));
}

/** The offsets the group committed, summed over partitions (0 for a partition it never committed). */
export async function committedCount(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return partitions.reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
