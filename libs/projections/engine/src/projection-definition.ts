import { JsonObject, RecordedEvent } from '@cdp/event-model';
import { CollectionDefinition } from '@cdp/read-store';

/**
 * A read model as a pure fold of events. The engine feeds `evolve` in log order, each event upcast to the
 * current version of its type and with its personal fields still sealed (`pii:v1:…`): a read model keeps them
 * sealed, and only a reader allowed to see them opens them.
 */
export interface ProjectionDefinition<Body extends JsonObject = JsonObject> {
  /** Stable, e.g. `customer-360`: names the checkpoint. */
  name: string;
  /** Bumped whenever `evolve` gives other documents for the same events: the old version must be rebuilt. */
  version: number;
  /** Its name carries the version (`customer_360_v1`), so two versions can live side by side. */
  collection: CollectionDefinition;
  /** The event types it folds; the engine reads no others. */
  eventTypes: readonly string[];
  /** The document the event changes, or null for none. */
  documentIdOf(event: RecordedEvent): string | null;
  /** The document after the event; null deletes it. Throwing marks the event as poison for this projection. */
  evolve(current: Body | null, event: RecordedEvent): Body | null;
}
