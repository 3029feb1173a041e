import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Channel, channels, Direction, directions } from './channel';
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

  @IsOptional() @IsString() @MaxLength(128) productId?: string;
  @IsOptional() @IsString() @MaxLength(128) campaignId?: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export type InteractionRecordedData = InteractionRecordedV1;

export const interactionRecorded: EventTypeDefinition = {
  type: 'InteractionRecorded',
  versions: { 1: InteractionRecordedV1 },
  upcasters: {},
};
