import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { PersonalData } from '../personal-data/personal-data.decorators';
import { IdentifierKind, identifierKinds } from './identifier-kind';
import { Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class IdentityLinkedV1 {
  @IsIn(identifierKinds)
  kind!: IdentifierKind;

  /** The identifier itself: an email address, a phone number, a card number… (320: the longest email address). */
  @PersonalData()
  @IsString()
  @Length(1, 320)
  value!: string;

  /** The system that issued the identifier, e.g. the CRM's name for an external-crm-id. */
  @Optional()
  @IsString()
  @MaxLength(64)
  system?: string;
}

export type IdentityLinkedData = IdentityLinkedV1;

export const identityLinked: EventTypeDefinition = {
  type: 'IdentityLinked',
  origin: 'producer',
  description: 'An identifier (email, phone, loyalty card, CRM id, anonymous web id) belongs to the party.',
  versions: { 1: IdentityLinkedV1 },
  upcasters: {},
  example: { kind: 'loyalty-card', value: '6280 0012 3456', system: 'loyalty' },
};
