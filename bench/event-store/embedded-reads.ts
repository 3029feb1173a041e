import { EmbeddedEventStore } from '@cdp/event-store-embedded';
import { ReadMeter, ReadRun } from './read-meter';

/** Untimed: the first read after opening pays for compiling the decoding path; neither timed read should. */
export async function warmUp(store: EmbeddedEventStore, events: number): Promise<void> {
  for await (const _event of store.readAll({ maxCount: events })) continue;
}

export async function timeReadAll(store: EmbeddedEventStore, expected: number, sampleEvery: number): Promise<ReadRun> {
  const meter = new ReadMeter('embedded readAll', expected, sampleEvery).start();
  for await (const _event of store.readAll()) meter.count();
  return meter.finish();
}

/** subscribeToAll from the start of the log until it reports caughtUp. */
export async function timeCatchUp(store: EmbeddedEventStore, expected: number, sampleEvery: number): Promise<ReadRun> {
  const meter = new ReadMeter('embedded catch-up', expected, sampleEvery).start();
  const subscription = store.subscribeToAll();
  try {
    for await (const message of subscription) {
      if (message.kind === 'event') meter.count();
      else if (message.kind === 'caughtUp') break;
    }
  } finally {
    await subscription.close();
  }
  return meter.finish();
}
