import { RecordedEvent } from '@cdp/event-model';
import { EventFilter, EventStore, Position } from '@cdp/event-store';
import { Clock } from './engine-options';

/** How far a projection is behind the head of the event store. */
export interface ProjectionLag {
  /** Events of its types after its checkpoint, counted up to the cap. */
  events: number;
  /** True when there are more than `events`. */
  eventsCapped: boolean;
  /** Since the oldest event it has not applied was recorded; 0 when there is none. */
  seconds: number;
}

/** The events matching `filter` strictly after `position` (readAll's `fromPosition` is inclusive). */
export async function* eventsAfter(
  eventStore: EventStore,
  filter: EventFilter,
  position: Position | null,
  maxCount: number,
): AsyncGenerator<RecordedEvent> {
  let count = 0;
  if (maxCount <= 0) return;
  for await (const event of eventStore.readAll({ fromPosition: position ?? 'start', filter, maxCount: maxCount + 1 })) {
    if (position !== null && event.position <= position) continue;
    yield event;
    if (++count === maxCount) return;
  }
}

export async function measureLag(
  eventStore: EventStore,
  filter: EventFilter,
  checkpoint: Position | null,
  cap: number,
  clock: Clock,
): Promise<ProjectionLag> {
  let events = 0;
  let eventsCapped = false;
  let oldestRecordedAt: string | undefined;
  for await (const event of eventsAfter(eventStore, filter, checkpoint, cap + 1)) {
    if (events === cap) {
      eventsCapped = true;
      break;
    }
    oldestRecordedAt ??= event.metadata.recordedAt;
    events++;
  }
  const seconds = oldestRecordedAt === undefined ? 0 : Math.max(0, (clock.now() - Date.parse(oldestRecordedAt)) / 1000);
  return { events, eventsCapped, seconds };
}

/** True when every event matching `filter` up to `target` is at or before `checkpoint`. */
export async function hasNothingToApplyUpTo(
  eventStore: EventStore,
  filter: EventFilter,
  checkpoint: Position | null,
  target: Position,
): Promise<boolean> {
  if (checkpoint !== null && checkpoint >= target) return true;
  for await (const event of eventsAfter(eventStore, filter, checkpoint, 1)) return event.position > target;
  return true;
}
