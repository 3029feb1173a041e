import { IsIn } from 'class-validator';
import { PartyKind, partyKinds } from './party-kind';
import { Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class PartyKindChangedV1 {
  /** The kind before the change, when known: the customer decider fills it from the stream. */
  @Optional() @IsIn(partyKinds) from?: PartyKind;
  @IsIn(partyKinds) to!: PartyKind;
}

export type PartyKindChangedData = PartyKindChangedV1;

export const partyKindChanged: EventTypeDefinition = {
  type: 'PartyKindChanged',
  origin: 'producer',
  description: 'The party became another kind of party, e.g. a prospect became a customer.',
  versions: { 1: PartyKindChangedV1 },
  upcasters: {},
  example: { from: 'prospect', to: 'customer' },
};
