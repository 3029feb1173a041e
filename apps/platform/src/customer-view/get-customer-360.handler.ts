import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Customer360Document, customer360AsOf, customer360View } from '@cdp/customer-360';
import { customerStream, eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { EventStore, StreamNotFoundError } from '@cdp/event-store';
import { ReadCollection } from '@cdp/read-store';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { PERSONAL_DATA } from '../personal-data/personal-data.module';
import { PersonalData } from '../personal-data/open-personal-data';
import { CUSTOMER_360_COLLECTION, PLATFORM_PROJECTIONS } from '../projections/projection-tokens';
import { PlatformProjections } from '@cdp/read-models';
import { CustomerNotFoundError } from './customer-not-found-error';
import { Customer360Answer, GetCustomer360Query } from './get-customer-360.query';
import { viewForCaller } from './personal-fields';

/**
 * Now: the read model's document. As of a past moment: the customer's stream folded by the same evolve,
 * up to that moment of business time; there is no second implementation of the view.
 */
@QueryHandler(GetCustomer360Query)
export class GetCustomer360Handler implements IQueryHandler<GetCustomer360Query> {
  constructor(
    @Inject(CUSTOMER_360_COLLECTION) private readonly views: ReadCollection<Customer360Document>,
    @Inject(SEALED_EVENT_STORE) private readonly store: EventStore,
    @Inject(PLATFORM_PROJECTIONS) private readonly projections: PlatformProjections,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  async execute({ customerId, caller, asOf }: GetCustomer360Query): Promise<Customer360Answer> {
    const rules = this.projections.customer360Rules;
    let answer: Omit<Customer360Answer, 'personalData' | 'view'> & { view: object };
    if (asOf === undefined) {
      const stored = await this.views.get(customerId);
      if (!stored) {
        throw new CustomerNotFoundError(
          `No customer ${customerId} in the 360° view. If it was recorded a moment ago, the projection may be behind: see GET /v1/projections.`,
        );
      }
      const now = new Date();
      answer = { customerId, asOf: now.toISOString(), source: 'read-model', position: stored.position, view: customer360View(stored.body, now, rules) };
    } else {
      const events = await this.history(customerId);
      const view = customer360AsOf(events, asOf, rules);
      if (!view) throw new CustomerNotFoundError(`Customer ${customerId} had no recorded event at or before ${asOf.toISOString()}.`);
      const last = events.filter((event) => new Date(event.metadata.occurredAt) <= asOf).at(-1);
      answer = { customerId, asOf: asOf.toISOString(), source: 'event-store', position: last?.position ?? null, view };
    }
    const view = await viewForCaller(answer.view as Parameters<typeof viewForCaller>[0], customerId, this.personalData.cipher, caller.seesPersonalData);
    return { ...answer, personalData: caller.seesPersonalData ? 'shown' : 'hidden', view };
  }

  private async history(customerId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(customerStream(customerId))) events.push(eventCatalogue.upcast(event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new CustomerNotFoundError(`Nothing is recorded for customer ${customerId}.`);
      throw error;
    }
    return events;
  }
}
