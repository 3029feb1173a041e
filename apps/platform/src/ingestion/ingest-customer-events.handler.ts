import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { customerStream } from '@cdp/event-model';
import { EventStore, MaxAppendSizeExceededError, StreamDeletedError, WrongExpectedVersionError } from '@cdp/event-store';
import { customerDecider, CustomerState } from '@cdp/customer';
import { CustomerBatchItem, decideCustomerBatch, ItemOutcome, KnownStream, Rejection, rejection } from '@cdp/ingestion';
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
      let known: KnownStream<CustomerState>;
      try {
        known = await this.streams.load(customerId);
      } catch (error) {
        if (error instanceof StreamDeletedError) return items.map(() => customerDeleted(customerId));
        throw error;
      }
      const { events, outcomes, next } = decideCustomerBatch(customerId, known, items, customerDecider);
      if (events.length === 0) return outcomes;
      try {
        const { nextExpectedRevision } = await this.store.appendToStream(customerStream(customerId), events, { expectedRevision: known.revision });
        // Another writer (POST /v1/customers/{id}/interactions) may have recorded these very ids: the store then
        // answers with the original revision, and the cached state is not what the stream holds.
        if (nextExpectedRevision === next.revision) this.streams.remember(customerId, next);
        else this.streams.forget(customerId);
        return outcomes;
      } catch (error) {
        this.streams.forget(customerId);
        if (error instanceof StreamDeletedError) return items.map(() => customerDeleted(customerId));
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

/** The customer's stream was deleted for good (a forgotten customer): nothing more is recorded about them. */
function customerDeleted(customerId: string): Rejection {
  return rejection('customer-deleted', `customer ${customerId} was deleted for good; events about them are not recorded`);
}
