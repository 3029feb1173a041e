import { Admin, Kafka, Message, PartitionerArgs, Partitioners } from 'kafkajs';
import { Backlog } from './backlog';
import { endOffsets } from './kafka-topics';
import { elapsedMs, nowMs } from '../event-store/timing';

/** Where each message of the backlog went: `byOffset[p][o]` is the index of the message at offset o of partition p. */
export interface FilledTopic {
  topic: string;
  byOffset: Int32Array[];
  messages: number;
  bytes: number;
  seconds: number;
}

// Kafka refuses a record batch (one partition's part of a send) above message.max.bytes, 1 MiB by default.
const maxPartitionBytesPerSend = 768 * 1024;
const maxBytesPerSend = 4 * 1024 * 1024;

/**
 * Produces the first `count` messages of the backlog, keyed by customer id, with the partitioner Java
 * clients use (the key decides the partition), acks from all replicas, idempotent, one send in flight:
 * so offsets follow the backlog's order within each partition, and the caller knows every message's offset.
 */
export async function fillTopic(kafka: Kafka, admin: Admin, topic: string, partitions: number, backlog: Backlog, count: number): Promise<FilledTopic> {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1] }));
  const partitionOf = (message: Message) => partitioner({ topic, partitionMetadata, message } as PartitionerArgs);
  const byOffset: number[][] = Array.from({ length: partitions }, () => []);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const start = nowMs();
  let bytes = 0;
  try {
    let pending: Message[] = [];
    let pendingBytes = 0;
    const partitionBytes = new Array<number>(partitions).fill(0);
    let sending: Promise<unknown> = Promise.resolve();
    const flush = async () => {
      await sending;
      sending = producer.send({ topic, acks: -1, messages: pending });
      pending = [];
      pendingBytes = 0;
      partitionBytes.fill(0);
    };
    for (let i = 0; i < count; i++) {
      const key = backlog.customerId(i);
      const value = JSON.stringify(backlog.message(i));
      const size = Buffer.byteLength(value) + Buffer.byteLength(key);
      const partition = partitionOf({ key, value });
      if (pending.length > 0 && (partitionBytes[partition] + size > maxPartitionBytesPerSend || pendingBytes + size > maxBytesPerSend)) await flush();
      pending.push({ key, value, partition });
      partitionBytes[partition] += size;
      pendingBytes += size;
      bytes += size;
      byOffset[partition].push(i);
      if ((i + 1) % 100_000 === 0) process.stderr.write(`  ${topic}: ${(i + 1).toLocaleString('en-US')} / ${count.toLocaleString('en-US')} produced\n`);
    }
    if (pending.length > 0) await flush();
    await sending;
  } finally {
    await producer.disconnect();
  }
  const seconds = elapsedMs(start) / 1000;
  const ends = await endOffsets(admin, topic);
  byOffset.forEach((indexes, p) => {
    if (ends[p] !== indexes.length) throw new Error(`partition ${p} of ${topic} holds ${ends[p]} messages, not the ${indexes.length} produced`);
  });
  return { topic, byOffset: byOffset.map((indexes) => Int32Array.from(indexes)), messages: count, bytes, seconds };
}
