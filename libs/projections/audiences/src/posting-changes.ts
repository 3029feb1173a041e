import { SuppressionLog, suppressionPostings } from '@cdp/campaigns';
import { Json } from '@cdp/event-model';
import { BucketChange } from '@cdp/segments';

/** The posting keys whose content changed between two suppression logs of a customer, with their new content. */
export function postingChanges(customerId: string, before: SuppressionLog, after: SuppressionLog): Map<string, BucketChange> {
  const changes = new Map<string, BucketChange>();
  if (before === after) return changes;
  const old = suppressionPostings(before);
  const now = suppressionPostings(after);
  for (const [key, posting] of now) {
    const previous = old.get(key);
    if (previous === undefined || JSON.stringify(previous) !== JSON.stringify(posting)) {
      changes.set(key, { customerId, value: posting as unknown as Json });
    }
  }
  for (const key of old.keys()) if (!now.has(key)) changes.set(key, { customerId, value: null, remove: true });
  return changes;
}
