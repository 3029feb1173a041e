import { customerStream, NewEvent } from '@cdp/event-model';
import { CurrentRevision, EventStore, MaxAppendSizeExceededError } from '@cdp/event-store';
import { collectGarbage, elapsedMs, inPool, nowMs } from '../event-store/timing';
import { FilledTopic } from './fill-topic';
import { GatewayEvents } from './gateway-events';
import { ConsumedBatch } from './raw-consume';

// IngestionService's limits: customers decided at once per batch, messages per command.
export const customerConcurrency = 64;
export const maxItemsPerCommand = 500;

export interface RawAppendRun {
  messages: number;
  events: number;
  appends: number;
  /** Only the store calls: the events are built before each timed stretch. */
  seconds: number;
  /** Appends over the store's 1 MiB limit, split in halves as the command handler does. */
  splits: number;
}

/** One append the gateway would make: a customer's run of messages in one batch (at most 500). */
interface PlannedAppend {
  streamId: string;
  events: NewEvent[];
}

/** A batch as the gateway groups it: one entry per customer, in order of first appearance. */
type PlannedBatch = PlannedAppend[][];

/**
 * Appends the events of the topic's messages straight to the store, grouped as the gateway groups
 * them: the batches kafkajs handed the raw consumer, fetch by fetch (the batches of one fetch side by
 * side, as its workers run them), in each batch one append per customer run, 64 customers at once,
 * each append expecting the revision the previous one left. No parsing, deciding or encryption:
 * the events are built beforehand, `chunk` messages at a time, and only the appends are timed.
 */
export async function timeRawAppends(
  store: EventStore,
  events: GatewayEvents,
  topic: FilledTopic,
  batches: readonly ConsumedBatch[],
  chunk: number,
): Promise<RawAppendRun> {
  const revisions = new Map<string, CurrentRevision>();
  const run: RawAppendRun = { messages: 0, events: 0, appends: 0, seconds: 0, splits: 0 };
  let spentMs = 0;

  const append = async (streamId: string, batch: NewEvent[]): Promise<void> => {
    try {
      const result = await store.appendToStream(streamId, batch, { expectedRevision: revisions.get(streamId) ?? 'no_stream' });
      revisions.set(streamId, result.nextExpectedRevision);
      run.appends++;
      run.events += batch.length;
    } catch (error) {
      if (!(error instanceof MaxAppendSizeExceededError) || batch.length === 1) throw error;
      run.splits++;
      const middle = Math.ceil(batch.length / 2);
      await append(streamId, batch.slice(0, middle));
      await append(streamId, batch.slice(middle));
    }
  };

  for (const rounds of chunksOf(fetchRounds(batches), chunk)) {
    const planned = rounds.map((round) => round.map((batch) => planBatch(batch, topic, events)));
    collectGarbage();
    const start = nowMs();
    for (const round of planned) {
      await Promise.all(
        round.map((customers) =>
          inPool(customers, customerConcurrency, async (runs) => {
            for (const { streamId, events: batch } of runs) await append(streamId, batch);
          }),
        ),
      );
    }
    spentMs += elapsedMs(start);
    run.messages += rounds.flat().reduce((sum, batch) => sum + batch.last - batch.first + 1, 0);
    const rate = Math.round(run.events / (spentMs / 1000)).toLocaleString('en-US');
    process.stderr.write(`  ${run.messages.toLocaleString('en-US')} / ${topic.messages.toLocaleString('en-US')} messages appended, ${rate} events/s\n`);
  }
  run.seconds = spentMs / 1000;
  return run;
}

function planBatch({ partition, first, last }: ConsumedBatch, filled: FilledTopic, events: GatewayEvents): PlannedBatch {
  const byCustomer = new Map<string, NewEvent[][]>();
  for (let offset = first; offset <= last; offset++) {
    const i = filled.byOffset[partition][offset];
    const customerId = events.backlog.customerId(i);
    const messages = byCustomer.get(customerId) ?? [];
    messages.push(events.eventsOf(i, { topic: filled.topic, partition, offset: String(offset) }));
    byCustomer.set(customerId, messages);
  }
  return [...byCustomer].map(([customerId, messages]) => {
    const runs: PlannedAppend[] = [];
    for (let start = 0; start < messages.length; start += maxItemsPerCommand) {
      const batch = messages.slice(start, start + maxItemsPerCommand).flat();
      if (batch.length > 0) runs.push({ streamId: customerStream(customerId), events: batch });
    }
    return runs;
  });
}

/** The batches grouped by the fetch that brought them, in order. */
function fetchRounds(batches: readonly ConsumedBatch[]): ConsumedBatch[][] {
  const rounds: ConsumedBatch[][] = [];
  for (const batch of batches) {
    const current = rounds[rounds.length - 1];
    if (current && current[0].round === batch.round) current.push(batch);
    else rounds.push([batch]);
  }
  return rounds;
}

function* chunksOf(rounds: ConsumedBatch[][], messagesPerChunk: number): Generator<ConsumedBatch[][]> {
  let chunk: ConsumedBatch[][] = [];
  let messages = 0;
  for (const round of rounds) {
    chunk.push(round);
    messages += round.reduce((sum, batch) => sum + batch.last - batch.first + 1, 0);
    if (messages >= messagesPerChunk) {
      yield chunk;
      chunk = [];
      messages = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}
