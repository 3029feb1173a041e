import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordedEvent, segmentStream } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { decideSegment, evolveSegment, Segment, SegmentCommand, SegmentEventDraft } from '@cdp/segments';
import { Decider } from '@cdp/customer';
import { handleCommand, HandledCommand } from '../event-sourcing/handle-command';
import { EVENT_STORE } from '../event-store/event-store.token';
import { ChangeSegmentCommand } from './change-segment.command';

const decider: Decider<Segment | null, SegmentCommand, SegmentEventDraft> = {
  initialState: () => null,
  // The fold reads recorded events: the stream's name gives the segment its id.
  evolve: (state, event) => evolveSegment(state, event as unknown as RecordedEvent),
  decide: decideSegment,
};

@CommandHandler(ChangeSegmentCommand)
export class ChangeSegmentHandler implements ICommandHandler<ChangeSegmentCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, eventId, metadata }: ChangeSegmentCommand): Promise<HandledCommand> {
    return handleCommand({ store: this.store, streamId: segmentStream(command.data.segmentId), decider, command, eventId, metadata });
  }
}
