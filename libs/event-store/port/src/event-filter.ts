import { RecordedEvent } from '@cdp/event-model';

/** Which events a read or a subscription wants, by stream name or by event type. */
export type EventFilter =
  | { on: 'streamName' | 'eventType'; prefixes: readonly string[] }
  | { on: 'streamName' | 'eventType'; regex: string };

export function compileFilter(filter: EventFilter | undefined): (event: Pick<RecordedEvent, 'streamId' | 'type'>) => boolean {
  if (!filter) return () => true;
  const field = filter.on === 'streamName' ? 'streamId' : 'type';
  if ('prefixes' in filter) {
    const prefixes = [...filter.prefixes];
    return (event) => prefixes.some((prefix) => event[field].startsWith(prefix));
  }
  const regex = new RegExp(filter.regex);
  return (event) => regex.test(event[field]);
}
