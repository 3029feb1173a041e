import { EventMetadataInput } from '@cdp/event-model';
import { SegmentCommand } from '@cdp/segments';

/** Define, redefine or archive a segment; `eventId` makes it idempotent. */
export class ChangeSegmentCommand {
  constructor(
    readonly command: SegmentCommand,
    readonly eventId: string,
    readonly metadata: EventMetadataInput,
  ) {}
}
