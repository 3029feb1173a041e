import { Command } from '@nestjs/cqrs';
import { EventMetadataInput, InteractionRecordedV1 } from '@cdp/event-model';
import { HandledCommand } from '../event-sourcing/handle-command';

export class RecordInteractionCommand extends Command<HandledCommand> {
  constructor(
    readonly customerId: string,
    readonly interaction: InteractionRecordedV1,
    /** The client's id for idempotent retries, or a fresh one. */
    readonly eventId: string,
    readonly metadata: EventMetadataInput,
  ) {
    super();
  }
}
