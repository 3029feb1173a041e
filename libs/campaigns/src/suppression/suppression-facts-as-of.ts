import { evolveSuppressionFacts } from './evolve-suppression-facts';
import { emptySuppressionFacts, SuppressionFacts } from './suppression-facts';
import { SuppressionLog } from './suppression-log';

/**
 * The facts from a customer's log as of `at`: the entries that occurred at or before it (a late-recorded entry with
 * an earlier business time is part of that past; one that occurs after `at` is not yet known), in log order.
 */
export function suppressionFactsAsOf(log: SuppressionLog, at: Date): SuppressionFacts {
  const until = at.toISOString();
  let facts: SuppressionFacts = { ...emptySuppressionFacts(), categories: log.categories };
  for (const entry of log.entries) {
    if (entry.at <= until) facts = evolveSuppressionFacts(facts, entry);
  }
  return facts;
}
