import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { customerDecider } from '@cdp/customer';
import { customerStream } from '@cdp/event-model';
import { EventStore } from '@cdp/event-store';
import { handleCommand, HandledCommand } from '../event-sourcing/handle-command';
import { EVENT_STORE } from '../event-store/event-store.token';
import { RecordInteractionCommand } from './record-interaction.command';

@CommandHandler(RecordInteractionCommand)
export class RecordInteractionHandler implements ICommandHandler<RecordInteractionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ customerId, interaction, eventId, metadata }: RecordInteractionCommand): Promise<HandledCommand> {
    return handleCommand({
      store: this.store,
      streamId: customerStream(customerId),
      decider: customerDecider,
      command: { type: 'RecordInteraction', data: { customerId, ...interaction } },
      eventId,
      metadata,
    });
  }
}
