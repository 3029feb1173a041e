import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor, EventMetadataInput, EventSource } from '@cdp/event-model';
import { CustomerBatchItem, isRejection, PartyIdentifier, Rejection, rejection, ValidIngestionMessage } from '@cdp/ingestion';
import { IdentityIndex } from './identity-index';
import { IngestCustomerEventsCommand } from './ingest-customer-events.command';
import { IngestionResult } from './ingestion-result';
import { mapWithConcurrency } from './map-with-concurrency';

/** A message as a source (Kafka, HTTP, a file) hands it over, parsed or already refused. */
export interface IncomingMessage {
  message: ValidIngestionMessage | Rejection;
  /** The id of its first event when the producer gave none, derived from where the message came from. */
  defaultEventId: string;
  source: EventSource;
}

// Customers decided at once: enough to keep the event store's group commit fed.
const customerConcurrency = 64;
const maxItemsPerCommand = 500;

/**
 * The one write path of every source: resolve the party, then one command per customer, in
 * message order. Answers one result per message, in the order given.
 */
@Injectable()
export class IngestionService {
  constructor(
    private readonly commands: CommandBus,
    private readonly identities: IdentityIndex,
  ) {}

  async ingest(incoming: readonly IncomingMessage[], actor: Actor): Promise<IngestionResult[]> {
    const results = new Array<IngestionResult>(incoming.length);
    const byCustomer = new Map<string, { indexes: number[]; items: CustomerBatchItem[] }>();
    for (const [index, { message, defaultEventId, source }] of incoming.entries()) {
      if (isRejection(message)) {
        results[index] = message;
        continue;
      }
      const eventId = message.eventId ?? defaultEventId;
      const metadata: EventMetadataInput = {
        correlationId: message.correlationId ?? eventId,
        causationId: eventId,
        occurredAt: message.occurredAt,
        source,
        actor,
      };
      const customerId = 'customerId' in message.party ? message.party.customerId : await this.identities.ownerOf(message.party.identifier);
      if (customerId === undefined) {
        results[index] = unknownIdentifier(message.party as { identifier: PartyIdentifier });
        continue;
      }
      if (message.type === 'IdentityLinked') {
        const linked = message.data as PartyIdentifier;
        const owner = await this.identities.claim(linked, customerId, eventId, metadata);
        if (owner !== customerId) {
          results[index] = { ...rejection('identity-already-linked', `this ${linked.kind} identifier already belongs to customer ${owner}`), customerId };
          continue;
        }
      }
      const group = byCustomer.get(customerId) ?? { indexes: [], items: [] };
      group.indexes.push(index);
      group.items.push({ eventId, type: message.type, data: message.data, metadata });
      byCustomer.set(customerId, group);
    }

    await mapWithConcurrency([...byCustomer], customerConcurrency, async ([customerId, { indexes, items }]) => {
      for (let start = 0; start < items.length; start += maxItemsPerCommand) {
        const outcomes = await this.commands.execute(new IngestCustomerEventsCommand(customerId, items.slice(start, start + maxItemsPerCommand)));
        outcomes.forEach((outcome, offset) => (results[indexes[start + offset]] = { ...outcome, customerId }));
      }
    });
    return results;
  }
}

function unknownIdentifier({ identifier }: { identifier: PartyIdentifier }): Rejection {
  return rejection(
    'unknown-identifier',
    `no customer is linked to this ${identifier.kind} identifier yet: send the message with customerId, or send IdentityLinked first`,
  );
}
