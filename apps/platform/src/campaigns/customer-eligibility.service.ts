import { Inject, Injectable } from '@nestjs/common';
import { Campaign, eligibilityOf, Eligibility, emptySuppressionLog, evolveSuppressionLog, SuppressionLog, suppressionEventTypes, suppressionFactsAsOf } from '@cdp/campaigns';
import { customerStream, eventCatalogue } from '@cdp/event-model';
import { EventStore, StreamNotFoundError } from '@cdp/event-store';
import { SEALED_EVENT_STORE } from '../event-store/event-store.token';
import { SUPPRESSION_RULES } from './suppression-rules.token';
import { SuppressionRules } from '@cdp/campaigns';

export type EligibilityAnswer = Eligibility & { campaignId: string; customerId: string; asOf: string; source: 'event-store' };

const readTypes = new Set<string>(suppressionEventTypes);

/**
 * One customer, one campaign: decided on the customer's own stream, so a return recorded a moment ago already
 * blocks (no projection lag), and "as of" any moment is the same function over the events known then.
 */
@Injectable()
export class CustomerEligibilityService {
  constructor(
    @Inject(SEALED_EVENT_STORE) private readonly store: EventStore,
    @Inject(SUPPRESSION_RULES) private readonly rules: SuppressionRules,
  ) {}

  async eligibility(campaign: Campaign, customerId: string, asOf: Date): Promise<EligibilityAnswer> {
    const facts = suppressionFactsAsOf(await this.log(customerId), asOf);
    const decided = eligibilityOf(campaign, facts, asOf, this.rules);
    return { campaignId: campaign.campaignId, customerId, asOf: asOf.toISOString(), source: 'event-store', ...decided };
  }

  private async log(customerId: string): Promise<SuppressionLog> {
    let log = emptySuppressionLog();
    try {
      for await (const event of this.store.readStream(customerStream(customerId))) {
        if (readTypes.has(event.type)) log = evolveSuppressionLog(log, eventCatalogue.upcast(event));
      }
    } catch (error) {
      // A customer nobody recorded anything about has given no consent: the rule answers for them too.
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return log;
  }
}
