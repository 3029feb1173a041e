import { NewEvent } from '@cdp/event-model';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AppendPlan } from './append-plan';
import { timeAppends } from './append-runs';
import { ReadMeter, ReadRun } from './read-meter';
import { ThroughputRun } from './timing';

/** Emmett is installed apart from the workspace: `npm install --prefix bench/peers`. */
export const peersDir = join(__dirname, '..', 'peers');

// The few parts of @event-driven-io/emmett-sqlite the benchmark uses (its types live in bench/peers only).
interface EmmettEvent {
  type: string;
  data: object;
  metadata: object;
}
interface EmmettMessage {
  metadata: { globalPosition: bigint };
}
interface EmmettConnection {
  close(): void;
  query<T>(sql: string): Promise<T[]>;
}
interface EmmettConsumer {
  processor(options: {
    processorId: string;
    startFrom: 'BEGINNING';
    eachMessage: (message: EmmettMessage) => void;
    stopAfter: (message: EmmettMessage) => boolean;
  }): unknown;
  start(): Promise<void>;
  close(): Promise<void>;
}
interface EmmettStore {
  appendToStream(streamName: string, events: EmmettEvent[]): Promise<unknown>;
  consumer(options: { pulling: { batchSize: number; pullingFrequencyInMs: number } }): EmmettConsumer;
}
interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string }): EmmettStore;
  sqliteConnection(options: { fileName: string }): EmmettConnection;
  readMessagesBatch(
    connection: EmmettConnection,
    options: { after: bigint; batchSize: number },
  ): Promise<{ messages: EmmettMessage[]; currentGlobalPosition: bigint; areEventsLeft: boolean }>;
}

export interface EmmettPeer {
  emmett: EmmettSqlite;
  versions: string;
}

export function loadEmmett(): EmmettPeer | { unavailable: string } {
  try {
    const load = createRequire(join(peersDir, 'package.json'));
    const emmett = load('@event-driven-io/emmett-sqlite') as EmmettSqlite;
    const version = (name: string) =>
      (JSON.parse(readFileSync(join(peersDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    return {
      emmett,
      versions: `@event-driven-io/emmett-sqlite ${version('@event-driven-io/emmett-sqlite')}, sqlite3 ${version('sqlite3')}`,
    };
  } catch (error) {
    return {
      unavailable: `@event-driven-io/emmett-sqlite could not be loaded from bench/peers (run \`npm install --prefix bench/peers --foreground-scripts\`): ${firstLine(error)}`,
    };
  }
}

export interface EmmettResults {
  versions: string;
  sqlite: string;
  synchronous: string;
  batched: ThroughputRun;
  concurrent: ThroughputRun | { failed: string };
  single: ThroughputRun;
  readAll: ReadRun;
  catchUp: ReadRun;
}

const batchSize = 1000;

/**
 * The same workload through Emmett's SQLite event store: batches to one stream, single appends,
 * reading the whole log with its batch reader, and catching up with its consumer.
 */
export async function runEmmett(
  peer: EmmettPeer,
  fileName: string,
  plans: { batched: AppendPlan; single: AppendPlan; concurrent: AppendPlan; inFlight: number },
  sampleEvery: number,
): Promise<EmmettResults> {
  const { emmett } = peer;
  const store = emmett.getSQLiteEventStore({ fileName });
  const append = (streamId: string, events: NewEvent[]) => store.appendToStream(streamId, events.map(toEmmettEvent));
  const batched = await timeAppends('emmett batches, sequential', plans.batched, 1, (p) => append(p.streamId, p.events));
  const single = await timeAppends('emmett single appends', plans.single, 1, (p) => append(p.streamId, p.events));

  const connection = emmett.sqliteConnection({ fileName });
  const settings = async () => {
    const [{ v }] = await connection.query<{ v: string }>('SELECT sqlite_version() AS v');
    const [{ synchronous }] = await connection.query<{ synchronous: number }>('PRAGMA synchronous');
    return { sqlite: v, synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][synchronous] ?? String(synchronous) };
  };
  const { sqlite, synchronous } = await settings();
  const total = batched.events + single.events;
  const readAll = await readAllBatches(emmett, connection, total, sampleEvery);
  connection.close();
  const catchUp = await consumeFromStart(store, total, sampleEvery);
  // Last: a failed concurrent run may leave this store instance unusable.
  const concurrent = await attemptConcurrent(emmett.getSQLiteEventStore({ fileName }), plans.concurrent, plans.inFlight);
  return { versions: peer.versions, sqlite, synchronous, batched, concurrent, single, readAll, catchUp };
}

async function readAllBatches(emmett: EmmettSqlite, connection: EmmettConnection, expected: number, sampleEvery: number): Promise<ReadRun> {
  const meter = new ReadMeter('emmett readMessagesBatch', expected, sampleEvery).start();
  let after = 0n;
  for (;;) {
    const { messages, currentGlobalPosition, areEventsLeft } = await emmett.readMessagesBatch(connection, { after, batchSize });
    for (let i = 0; i < messages.length; i++) meter.count();
    if (!areEventsLeft || messages.length === 0) break;
    after = currentGlobalPosition;
  }
  return meter.finish();
}

/** Emmett's consumer from the beginning, stopping at the last event; it checkpoints every message, as it always does. */
async function consumeFromStart(store: EmmettStore, expected: number, sampleEvery: number): Promise<ReadRun> {
  const consumer = store.consumer({ pulling: { batchSize, pullingFrequencyInMs: 0 } });
  const meter = new ReadMeter('emmett consumer catch-up', expected, sampleEvery);
  const last = BigInt(expected);
  consumer.processor({
    processorId: 'bench-catch-up',
    startFrom: 'BEGINNING',
    eachMessage: () => meter.count(),
    stopAfter: (message) => message.metadata.globalPosition >= last,
  });
  meter.start();
  await consumer.start();
  const run = meter.finish();
  await consumer.close();
  return run;
}

async function attemptConcurrent(store: EmmettStore, plan: AppendPlan, inFlight: number): Promise<ThroughputRun | { failed: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 60 s')), 60_000);
  });
  try {
    const run = timeAppends(`emmett batches, ${inFlight} in flight`, plan, inFlight, (p) =>
      store.appendToStream(p.streamId, p.events.map(toEmmettEvent)),
    );
    run.catch(() => undefined);
    return await Promise.race([run, timeout]);
  } catch (error) {
    return { failed: `${firstLine(error)} (${inFlight} appends of ${plan.eventsPerAppend} events in flight)` };
  } finally {
    clearTimeout(timer);
  }
}

function toEmmettEvent(event: NewEvent): EmmettEvent {
  return { type: event.type, data: event.data, metadata: { ...event.metadata, eventId: event.eventId } };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
