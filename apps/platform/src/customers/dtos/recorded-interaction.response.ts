import { ApiProperty } from '@nestjs/swagger';

export class RecordedInteractionResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'customer-c-42' })
  streamId!: string;

  @ApiProperty({ type: 'integer', description: 'The revision of the event in the customer stream, from 0.' })
  revision!: number;

  @ApiProperty({ description: 'The global position of the event: opaque, ordered as strings.' })
  position!: string;
}
