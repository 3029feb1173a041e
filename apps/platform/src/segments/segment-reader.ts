import { Inject, Injectable } from '@nestjs/common';
import { AudienceStores } from '@cdp/audiences';
import { segmentStream } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { RecordedEvent } from '@cdp/event-model';
import { evolveSegment, Segment } from '@cdp/segments';
import { foldStream } from '../event-sourcing/stream-state';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { AUDIENCE_STORES } from '../projections/projection-tokens';
import { SegmentNotFoundError } from './segment-not-found-error';
import { segmentView, SegmentView } from './segment-view';

const daysOfHistory = 365;

/** Segments as analysts read them: the definition from the segment's stream, its evaluation and size from the read models. */
@Injectable()
export class SegmentReader {
  constructor(
    @Inject(SEALED_EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIENCE_STORES) private readonly audiences: AudienceStores,
  ) {}

  /** The segment's definition: its stream is its only record, and it is a few events long. */
  async definition(segmentId: string): Promise<Segment> {
    const { state } = await foldStream(this.store, segmentStream(segmentId), {
      initialState: (): Segment | null => null,
      evolve: (segment, event: RecordedEvent) => evolveSegment(segment, event),
    });
    if (state === null) throw new SegmentNotFoundError(segmentId);
    return state;
  }

  async segment(segmentId: string, withHistory = true): Promise<SegmentView> {
    const segment = await this.definition(segmentId);
    const [document, size] = await Promise.all([this.audiences.segments.get(segmentId), this.audiences.members.size(segmentId)]);
    const view = segmentView(segment, document?.body ?? null, size);
    return withHistory ? { ...view, sizeOverTime: await this.sizeOverTime(segmentId) } : view;
  }

  /** Every segment the audiences worker knows, in id order. */
  async list(): Promise<SegmentView[]> {
    const views: SegmentView[] = [];
    for await (const { body } of this.audiences.segments.stream({})) {
      views.push(segmentView(body.segment, body, await this.audiences.members.size(body.segment.segmentId)));
    }
    return views;
  }

  private async sizeOverTime(segmentId: string): Promise<{ day: string; size: number }[]> {
    const since = new Date(Date.now() - daysOfHistory * 86_400_000).toISOString().slice(0, 10);
    const page = await this.audiences.sizes.find({
      where: [
        { field: 'segmentId', op: 'eq', value: segmentId },
        { field: 'day', op: 'gte', value: since },
      ],
      sort: { field: 'day', direction: 'asc' },
      limit: daysOfHistory + 1,
    });
    return page.items.map(({ body }) => ({ day: body.day, size: body.size }));
  }
}
