import { IsString, Matches } from 'class-validator';
import { aggregateIdPattern } from '../stream-names';
import { EventTypeDefinition } from '../versioning/event-type-definition';

/** The first event of an identity stream: which party owns the identifier. Only the platform writes it. */
export class IdentityClaimedV1 {
  @IsString()
  @Matches(aggregateIdPattern, { message: 'customerId must be 1 to 128 characters from letters, digits and . _ : @ + -, starting with a letter or digit' })
  customerId!: string;
}

export type IdentityClaimedData = IdentityClaimedV1;

export const identityClaimed: EventTypeDefinition = {
  type: 'IdentityClaimed',
  origin: 'platform',
  description: 'The platform assigned an identifier to a party: the first event of the stream identity-<kind>-<hash>.',
  versions: { 1: IdentityClaimedV1 },
  upcasters: {},
  example: { customerId: '17850' },
};
