import { EventStoreConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { connectEventStoreDb } from '@cdp/event-store-eventstoredb';

/** The one place that picks the event store adapter, from configuration. */
export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'embedded':
      return openEmbeddedEventStore({ dataDir: config.dataDir, durability: config.durability });
    case 'eventstoredb':
      return connectEventStoreDb(config.connectionString);
  }
}
