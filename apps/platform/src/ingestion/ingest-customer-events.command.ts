import { Command } from '@nestjs/cqrs';
import { CustomerBatchItem, ItemOutcome } from '@cdp/ingestion';

/** Record a run of messages about one customer, in order. Answers one outcome per item. */
export class IngestCustomerEventsCommand extends Command<ItemOutcome[]> {
  constructor(
    readonly customerId: string,
    readonly items: readonly CustomerBatchItem[],
  ) {
    super();
  }
}
