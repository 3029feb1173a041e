import { EventStoreConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { connectEventStoreDb } from '@cdp/event-store-eventstoredb';

/** The one place that picks the event store adapter, from configuration. */
export async function openEventStore(config: EventStoreConfig, { readOnly = false }: { readOnly?: boolean } = {}): Promise<EventStore> {
  switch (config.kind) {
    case 'embedded':
      // Read-only takes no writer lock: a projector beside the platform polls the file for new events.
      return openEmbeddedEventStore({ dataDir: config.dataDir, durability: config.durability, readOnly });
    case 'eventstoredb':
      return connectEventStoreDb(config.connectionString);
  }
}
