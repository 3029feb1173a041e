import { RecordedEvent } from '@cdp/event-model';
import { evolveSuppressionFacts } from './evolve-suppression-facts';
import { emptySuppressionFacts, SuppressionFacts } from './suppression-facts';

/**
 * The facts from a customer's events (log order, upcast) that occurred at or before `at`: a late-recorded event
 * with an earlier business time is part of that past, one that occurs after `at` is not yet known.
 */
export function suppressionFactsAsOf(events: Iterable<Pick<RecordedEvent, 'eventId' | 'type' | 'data' | 'metadata'>>, at: Date): SuppressionFacts {
  const until = at.getTime();
  let facts = emptySuppressionFacts();
  for (const event of events) {
    if (Date.parse(event.metadata.occurredAt) <= until) facts = evolveSuppressionFacts(facts, event);
  }
  return facts;
}
