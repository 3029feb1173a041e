import { RecordedEvent } from '@cdp/event-model';
import { instantMs } from './business-time';
import { Customer360Document } from './customer-360-document';
import { isCustomer360EventType } from './customer-360-event';
import { Customer360Rules, defaultCustomer360Rules } from './customer-360-rules';
import { Customer360View, customer360View } from './customer-360-view';
import { customer360Evolve, customerIdOfStream } from './evolve-customer-360';

/**
 * The 360° document of one customer from their events in log order, with the projection's own evolve.
 * Types the view does not fold (IdentityClaimed, newer ones) are skipped, as the engine skips them.
 * null when no event is folded.
 */
export function foldCustomer360(events: Iterable<RecordedEvent>, rules: Customer360Rules = defaultCustomer360Rules): Customer360Document | null {
  const evolve = customer360Evolve(rules);
  let doc: Customer360Document | null = null;
  for (const event of events) {
    if (!isCustomer360EventType(event.type)) continue;
    const customerId = customerIdOfStream(event.streamId);
    if (doc !== null && customerId !== doc.customerId) {
      throw new Error(`foldCustomer360 folds one customer's events: ${event.streamId} is not the stream of customer ${doc.customerId}`);
    }
    doc = evolve(doc, event);
  }
  return doc;
}

/**
 * The customer as known at `asOf`, in business time: the events that occurred at or before it, whenever they were
 * recorded (a late-recorded event with an earlier occurredAt is part of that past), viewed at `asOf`.
 */
export function customer360AsOf(
  events: Iterable<RecordedEvent>,
  asOf: Date,
  rules: Customer360Rules = defaultCustomer360Rules,
): Customer360View | null {
  const until = asOf.getTime();
  const past = [...events].filter((event) => !(instantMs(event.metadata.occurredAt) > until));
  const doc = foldCustomer360(past, rules);
  return doc === null ? null : customer360View(doc, asOf, rules);
}
