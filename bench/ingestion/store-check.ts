import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { EventIdDigest } from './gateway-events';

/** The ids of every event in the store's log, read through a read-only store (the writer is stopped). */
export async function digestOfStore(dataDir: string): Promise<EventIdDigest> {
  const store = openEmbeddedEventStore({ dataDir, readOnly: true });
  const digest = new EventIdDigest();
  try {
    for await (const event of store.readAll()) digest.add(event.eventId);
  } finally {
    await store.close();
  }
  return digest;
}
