import { IsIn } from 'class-validator';
import { Channel, channels } from './channel';
import { ConsentPurpose, consentPurposes } from './consent-purpose';
import { Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ConsentWithdrawnV1 {
  @IsIn(channels) channel!: Channel;
  @IsIn(consentPurposes) purpose!: ConsentPurpose;
  @Optional() @Text(500) reason?: string;
}

export type ConsentWithdrawnData = ConsentWithdrawnV1;

export const consentWithdrawn: EventTypeDefinition = {
  type: 'ConsentWithdrawn',
  origin: 'producer',
  description: 'The party withdrew a consent: no more contact on that channel for that purpose.',
  versions: { 1: ConsentWithdrawnV1 },
  upcasters: {},
  example: { channel: 'email', purpose: 'marketing', reason: 'unsubscribe link' },
};
