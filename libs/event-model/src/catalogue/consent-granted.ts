import { IsIn } from 'class-validator';
import { Channel, channels } from './channel';
import { ConsentPurpose, consentPurposes } from './consent-purpose';
import { Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ConsentGrantedV1 {
  @IsIn(channels) channel!: Channel;
  @IsIn(consentPurposes) purpose!: ConsentPurpose;
  /** Where the consent was collected, e.g. "web-form", "store-till". */
  @Optional() @Text(100) source?: string;
  /** What proves it (GDPR art. 7(1)), e.g. the id of the signed form or of the double opt-in email. */
  @Optional() @Text(500) proof?: string;
}

export type ConsentGrantedData = ConsentGrantedV1;

export const consentGranted: EventTypeDefinition = {
  type: 'ConsentGranted',
  origin: 'producer',
  description: 'The party agreed to be contacted on a channel for a purpose (GDPR consent).',
  versions: { 1: ConsentGrantedV1 },
  upcasters: {},
  example: { channel: 'email', purpose: 'marketing', source: 'web-form', proof: 'double-opt-in:7f3c2a' },
};
