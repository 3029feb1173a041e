import { IsIn, IsString, Matches } from 'class-validator';
import { PersonalData } from '../personal-data/personal-data.decorators';
import { Channel, channels, Direction, directions } from './channel';
import { EntityId, FreeText, Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class InteractionRecordedV1 {
  @IsIn(channels)
  channel!: Channel;

  @IsIn(directions)
  direction!: Direction;

  /** What happened on the channel, e.g. "email-opened", "page-viewed", "call", "visit". */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'kind must be lower-case words joined by "-", e.g. "email-opened"' })
  kind!: string;

  @Optional() @EntityId() productId?: string;
  @Optional() @EntityId() campaignId?: string;
  /** Free text from an agent or the party: may say anything about a person. */
  @PersonalData() @Optional() @FreeText() note?: string;
}

export type InteractionRecordedData = InteractionRecordedV1;

export const interactionRecorded: EventTypeDefinition = {
  type: 'InteractionRecorded',
  origin: 'producer',
  description: 'A contact with the party on a channel, inbound (the party reached us) or outbound (we reached the party).',
  versions: { 1: InteractionRecordedV1 },
  upcasters: {},
  example: { channel: 'store', direction: 'inbound', kind: 'visit', productId: '85123A' },
};
