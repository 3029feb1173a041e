import { EventStoreConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { connectEventStoreDb } from '@cdp/event-store-eventstoredb';

/** The one place that picks the event store adapter, from configuration. */
export async function openEventStore(
  config: EventStoreConfig,
  { readOnly = false, pollIntervalMs }: { readOnly?: boolean; pollIntervalMs?: number } = {},
): Promise<EventStore> {
  switch (config.kind) {
    case 'embedded':
      // Read-only takes no writer lock: a projector beside the platform polls the file for new events.
      return openEmbeddedEventStore({ dataDir: config.dataDir, durability: config.durability, readOnly, pollIntervalMs });
    case 'eventstoredb':
      return connectEventStoreDb(config.connectionString);
  }
}
