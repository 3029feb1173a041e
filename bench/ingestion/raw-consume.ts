import { Kafka } from 'kafkajs';
import { elapsedMs, nowMs } from '../event-store/timing';

/** One batch as kafkajs handed it over: a partition's messages from `first` to `last` (offsets), from fetch number `round`. */
export interface ConsumedBatch {
  round: number;
  partition: number;
  first: number;
  last: number;
}

export interface RawConsumeRun {
  messages: number;
  /** From run() to the last commit acknowledged: includes joining the group. */
  seconds: number;
  joinSeconds: number;
  /** Summed time between each fetch request and its answer (the workers are idle meanwhile). */
  fetchSeconds: number;
  fetches: number;
  /** In the order they were handed over; the gateway's grouping of messages. */
  batches: ConsumedBatch[];
}

/**
 * A new consumer group reads the whole topic as the gateway's consumer does (no auto-commit, one worker
 * per partition), and does nothing with the messages but resolve the batch's last offset and commit it.
 */
export async function timeRawConsume(kafka: Kafka, topic: string, groupId: string, partitions: number, expected: number): Promise<RawConsumeRun> {
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  const batches: ConsumedBatch[] = [];
  let round = -1;
  let fetchStartedAt = 0;
  let fetchMs = 0;
  consumer.on(consumer.events.FETCH_START, () => (fetchStartedAt = nowMs()));
  consumer.on(consumer.events.FETCH, () => {
    fetchMs += elapsedMs(fetchStartedAt);
    round++;
  });
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let consumed = 0;
    let fetchMsAtEnd = 0;
    let finish!: (at: number) => void;
    let fail!: (error: unknown) => void;
    const finished = new Promise<number>((resolve, reject) => ((finish = resolve), (fail = reject)));
    consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));
    const start = nowMs();
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: partitions,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets }) => {
        const { messages, partition } = batch;
        if (messages.length === 0) return;
        const last = messages[messages.length - 1].offset;
        resolveOffset(last);
        await commitOffsetsIfNecessary(uncommittedOffsets());
        await heartbeat();
        batches.push({ round, partition, first: Number(messages[0].offset), last: Number(last) });
        consumed += messages.length;
        if (consumed >= expected) {
          fetchMsAtEnd = fetchMs;
          finish(nowMs());
        }
      },
    });
    const joined = nowMs();
    const end = await finished;
    return {
      messages: consumed,
      seconds: (end - start) / 1000,
      joinSeconds: (joined - start) / 1000,
      fetchSeconds: fetchMsAtEnd / 1000,
      fetches: new Set(batches.map((b) => b.round)).size,
      batches,
    };
  } finally {
    await consumer.disconnect();
  }
}
