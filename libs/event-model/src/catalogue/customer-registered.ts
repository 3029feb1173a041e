import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PartyKind, partyKinds } from './party-kind';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class CustomerRegisteredV1 {
  @IsIn(partyKinds)
  partyKind!: PartyKind;

  /** Where the party was first captured, e.g. "web-signup", "store", "crm-import". */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  acquisitionChannel?: string;
}

export type CustomerRegisteredData = CustomerRegisteredV1;

export const customerRegistered: EventTypeDefinition = {
  type: 'CustomerRegistered',
  versions: { 1: CustomerRegisteredV1 },
  upcasters: {},
};
