import { customer360Caps } from './customer-360-caps';
import { ActivityEntry, Customer360Document } from './customer-360-document';
import { Customer360Event } from './customer-360-event';
import { eventKindOf } from './event-kind';
import { summaryOf } from './summarise-event';

/** The last events folded, in log order, newest first, after this one. */
export function activityAfter(recentActivity: ActivityEntry[], event: Customer360Event): ActivityEntry[] {
  const entry: ActivityEntry = {
    eventId: event.eventId,
    type: event.type,
    kind: eventKindOf(event.type),
    occurredAt: event.occurredAt,
    position: event.position,
    summary: summaryOf(event),
  };
  return [entry, ...recentActivity.slice(0, customer360Caps.recentActivity - 1)];
}

/** True when the event is among the last ones folded: folding it again must change nothing. */
export function isRecentlyFolded(doc: Customer360Document, eventId: string): boolean {
  return doc.recentActivity.some((entry) => entry.eventId === eventId);
}
