import { RecordedEvent } from '@cdp/event-model';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';

/** The whole log of an embedded store, read without taking the writer's lock (the platform may still run). */
export async function storedEvents(dataDir: string): Promise<RecordedEvent[]> {
  const store = openEmbeddedEventStore({ dataDir, readOnly: true });
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readAll()) events.push(event);
  } finally {
    await store.close();
  }
  return events;
}
