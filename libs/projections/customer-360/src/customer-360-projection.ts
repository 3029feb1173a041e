import { ProjectionDefinition } from '@cdp/projection-engine';
import { customer360CollectionName } from './customer-360-collection';
import { Customer360Document } from './customer-360-document';
import { customer360EventTypes } from './customer-360-event';
import { customer360Indexes } from './customer-360-indexes';
import { Customer360Rules, defaultCustomer360Rules } from './customer-360-rules';
import { customer360Evolve, customerIdOfStream } from './evolve-customer-360';

/**
 * The 360° customer view: one document per customer stream. Some rules are part of the fold (lifecycle dates,
 * frequency and monetary scores are stored), so other values of those rules name another collection, which the
 * engine builds from the first event.
 */
export function customer360Projection(rules: Customer360Rules = defaultCustomer360Rules): ProjectionDefinition<Customer360Document> {
  return {
    name: 'customer-360',
    version: 1,
    collection: { name: customer360CollectionName(rules), indexes: customer360Indexes },
    eventTypes: customer360EventTypes,
    documentIdOf: (event) => customerIdOfStream(event.streamId),
    evolve: customer360Evolve(rules),
  };
}
