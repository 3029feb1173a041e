import { IsIn, IsString, MaxLength } from 'class-validator';
import { PartyKind, partyKinds } from './party-kind';
import { Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class CustomerRegisteredV1 {
  @IsIn(partyKinds)
  partyKind!: PartyKind;

  /** Where the party was first captured, e.g. "web-signup", "store", "crm-import". */
  @Optional()
  @IsString()
  @MaxLength(64)
  acquisitionChannel?: string;
}

export type CustomerRegisteredData = CustomerRegisteredV1;

export const customerRegistered: EventTypeDefinition = {
  type: 'CustomerRegistered',
  origin: 'producer',
  description: 'A party entered the platform, as a customer, prospect, partner, supplier, press contact or prescriber.',
  versions: { 1: CustomerRegisteredV1 },
  upcasters: {},
  example: { partyKind: 'prospect', acquisitionChannel: 'web-signup' },
};
