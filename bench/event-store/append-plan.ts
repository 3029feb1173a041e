import { NewEvent } from '@cdp/event-model';
import { CustomerEvents, customerStreamOf } from './customer-events';

/** `events` events, `eventsPerAppend` to one stream per append, the streams taken in turn from `streams` customers. */
export interface AppendPlan {
  events: number;
  eventsPerAppend: number;
  streams: number;
  seed: number;
}

export interface PlannedAppend {
  /** 0-based customer number: append j goes to customer j mod streams. */
  streamIndex: number;
  streamId: string;
  events: NewEvent[];
}

/** Chunks are generated ahead of the timed part, so the generator's cost is never measured. */
export const chunkEvents = 50_000;

export function* plannedAppends(plan: AppendPlan): Generator<PlannedAppend[]> {
  const source = new CustomerEvents(plan.seed);
  let made = 0;
  let appendNumber = 0;
  while (made < plan.events) {
    const chunk: PlannedAppend[] = [];
    const chunkEnd = Math.min(plan.events, made + chunkEvents);
    while (made < chunkEnd) {
      const size = Math.min(plan.eventsPerAppend, plan.events - made);
      const streamIndex = appendNumber++ % plan.streams;
      const events = Array.from({ length: size }, () => source.next());
      chunk.push({ streamIndex, streamId: customerStreamOf(streamIndex), events });
      made += size;
    }
    yield chunk;
  }
}

export function streamsTouched(plan: AppendPlan): number {
  return Math.min(plan.streams, Math.ceil(plan.events / plan.eventsPerAppend));
}
