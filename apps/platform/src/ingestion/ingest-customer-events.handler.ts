import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { customerDecider } from '@cdp/customer';
import { customerStream } from '@cdp/event-model';
import { EventStore, MaxAppendSizeExceededError, WrongExpectedVersionError } from '@cdp/event-store';
import { CustomerBatchItem, decideCustomerBatch, ItemOutcome, rejection } from '@cdp/ingestion';
import { EVENT_STORE } from '../event-store/event-store.token';
import { CustomerStreams } from './customer-streams';
import { IngestCustomerEventsCommand } from './ingest-customer-events.command';
import { KeyedQueue } from './keyed-queue';

const maxAttempts = 5;

/**
 * Decides a customer's messages on the stream's state and appends the events in one go. The
 * stream is the only lock between processes; within this one, a customer's runs queue up.
 */
@CommandHandler(IngestCustomerEventsCommand)
export class IngestCustomerEventsHandler implements ICommandHandler<IngestCustomerEventsCommand> {
  private readonly queue = new KeyedQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: CustomerStreams,
  ) {}

  execute({ customerId, items }: IngestCustomerEventsCommand): Promise<ItemOutcome[]> {
    return this.queue.run(customerId, () => this.ingest(customerId, items));
  }

  private async ingest(customerId: string, items: readonly CustomerBatchItem[]): Promise<ItemOutcome[]> {
    for (let attempt = 1; ; attempt++) {
      const known = await this.streams.load(customerId);
      const { events, outcomes, next } = decideCustomerBatch(customerId, known, items, customerDecider);
      if (events.length === 0) return outcomes;
      try {
        await this.store.appendToStream(customerStream(customerId), events, { expectedRevision: known.revision });
        this.streams.remember(customerId, next);
        return outcomes;
      } catch (error) {
        this.streams.forget(customerId);
        if (error instanceof WrongExpectedVersionError && attempt < maxAttempts) continue;
        if (error instanceof MaxAppendSizeExceededError) return this.ingestInHalves(customerId, items, error);
        throw error;
      }
    }
  }

  /** Too large for one append: halve the run until each part fits, and refuse only a message too large on its own. */
  private async ingestInHalves(customerId: string, items: readonly CustomerBatchItem[], error: MaxAppendSizeExceededError): Promise<ItemOutcome[]> {
    if (items.length === 1) return [rejection('payload-too-large', `the event is too large for the event store: ${error.message}`)];
    const middle = Math.ceil(items.length / 2);
    const first = await this.ingest(customerId, items.slice(0, middle));
    return [...first, ...(await this.ingest(customerId, items.slice(middle)))];
  }
}
