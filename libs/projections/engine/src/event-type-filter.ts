import { EventFilter } from '@cdp/event-store';

/**
 * The filter that lets through exactly the given types. Anchored and escaped: `OrderPlaced` must not
 * also admit `OrderPlacedV0` or treat a `.` in a type name as a wildcard.
 */
export function eventTypeFilter(eventTypes: readonly string[]): EventFilter {
  if (eventTypes.length === 0) throw new Error('a projection must handle at least one event type');
  return { on: 'eventType', regex: `^(?:${eventTypes.map(escapeRegex).join('|')})$` };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
