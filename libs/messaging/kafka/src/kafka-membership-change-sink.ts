import { MembershipChangeSink } from '@cdp/audiences';
import { MembershipChange } from '@cdp/segments';
import { Kafka, Message, Producer } from 'kafkajs';

/** The headers of a membership change message. Documented in docs/segments.md. */
export const membershipChangeHeaders = {
  changeId: 'cdp-change-id',
  segmentId: 'cdp-segment-id',
  change: 'cdp-change',
} as const;

/** Keyed by customer, so that each customer's changes stay in order on one partition; the value is the change as JSON. */
export function membershipChangeMessage(change: MembershipChange): Message {
  return {
    key: change.customerId,
    value: JSON.stringify(change),
    headers: { [membershipChangeHeaders.changeId]: change.changeId, [membershipChangeHeaders.segmentId]: change.segmentId, [membershipChangeHeaders.change]: change.change },
  };
}

const messagesPerSend = 500;

/**
 * Publishes membership changes to a topic with an idempotent producer, acknowledged by every in-sync replica. The
 * worker publishes before it records, so a crash in between publishes again with the same change ids: consumers
 * keep the first of each id.
 */
export class KafkaMembershipChangeSink implements MembershipChangeSink {
  private constructor(
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  /** Creates the topic with `partitions` when missing. An existing one is used as it is: keys keep their order whatever its partitions. */
  static async open(kafka: Kafka, topic: string, partitions: number): Promise<KafkaMembershipChangeSink> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    return new KafkaMembershipChangeSink(producer, topic);
  }

  async publish(changes: readonly MembershipChange[]): Promise<void> {
    for (let first = 0; first < changes.length; first += messagesPerSend) {
      await this.producer.send({ topic: this.topic, acks: -1, messages: changes.slice(first, first + messagesPerSend).map(membershipChangeMessage) });
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
