import { Query } from '@nestjs/cqrs';
import { JsonObject } from '@cdp/event-model';
import { Caller } from '../http/access/caller.decorator';

export interface TimelineEntry {
  eventId: string;
  revision: number;
  position: string;
  type: string;
  kind: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  summary: string;
  data: JsonObject;
}

export interface TimelinePage {
  customerId: string;
  items: TimelineEntry[];
  /** Pass as `before` for the next (older) page; null when the stream's start was reached. */
  nextBefore: number | null;
}

export interface TimelineFilter {
  kinds?: ReadonlySet<string>;
  from?: Date;
  to?: Date;
}

export class GetCustomerTimelineQuery extends Query<TimelinePage> {
  constructor(
    readonly customerId: string,
    readonly caller: Caller,
    readonly filter: TimelineFilter,
    readonly before: number | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
