import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ActorDto {
  @ApiProperty({ enum: ['user', 'service', 'system'] })
  kind!: string;

  @ApiProperty()
  id!: string;
}

class EventSourceDto {
  @ApiProperty({ example: 'cdp-platform' })
  service!: string;

  @ApiPropertyOptional()
  topic?: string;

  @ApiPropertyOptional()
  partition?: number;

  @ApiPropertyOptional()
  offset?: string;
}

class EventMetadataDto {
  @ApiProperty()
  correlationId!: string;

  @ApiProperty()
  causationId!: string;

  @ApiProperty({ format: 'date-time', description: 'When it happened (business time).' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the event store accepted it.' })
  recordedAt!: string;

  @ApiProperty({ type: EventSourceDto })
  source!: EventSourceDto;

  @ApiProperty({ type: ActorDto })
  actor!: ActorDto;
}

export class RecordedEventDto {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'InteractionRecorded' })
  type!: string;

  @ApiProperty({ type: 'integer', description: 'Always the current version of the type: older events are upcast on read.' })
  schemaVersion!: number;

  @ApiProperty({ example: 'customer-c-42' })
  streamId!: string;

  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty()
  position!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event data, shaped by type and schemaVersion.' })
  data!: object;

  @ApiProperty({ type: EventMetadataDto })
  metadata!: EventMetadataDto;
}

export class CustomerEventsPageResponse {
  @ApiProperty({ example: 'customer-c-42' })
  streamId!: string;

  @ApiProperty({ type: [RecordedEventDto] })
  events!: RecordedEventDto[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'Pass as fromRevision for the next page; null on the last page.' })
  nextRevision!: number | null;
}
