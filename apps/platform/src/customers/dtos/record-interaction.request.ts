import { ApiPropertyOptional } from '@nestjs/swagger';
import { channels, directions, InteractionRecordedV1 } from '@cdp/event-model';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { documentInheritedProperties } from '../../openapi/document-inherited-properties';

/**
 * The body of POST /v1/customers/{customerId}/interactions. The interaction's own fields are
 * validated by the event model's InteractionRecordedV1 (one rule, one place) and documented below.
 */
export class RecordInteractionRequest extends InteractionRecordedV1 {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2025-03-01T09:30:00Z',
    description: 'When the interaction happened, with a time zone. Default: when the platform receives it.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'occurredAt must be an ISO 8601 date-time, e.g. 2025-03-01T09:30:00Z' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'occurredAt must include a time and a time zone (Z or ±hh:mm), e.g. 2025-03-01T09:30:00Z',
  })
  occurredAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Send the same id when retrying: the interaction is then recorded once. Default: a new random UUID.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be a UUID, e.g. 3f0e6c4a-1b8e-4c4e-9a56-2f1d7c9b0e12' })
  eventId?: string;
}

documentInheritedProperties(RecordInteractionRequest, {
  channel: { type: String, enum: channels, example: 'email' },
  direction: { type: String, enum: directions, example: 'inbound', description: 'inbound: the customer reached us; outbound: we reached the customer.' },
  kind: {
    type: String,
    pattern: '^[a-z][a-z0-9-]{0,63}$',
    example: 'email-opened',
    description: 'What happened on the channel, in lower-case words joined by "-".',
  },
  productId: { type: String, required: false, maxLength: 128, example: 'sku-1234' },
  campaignId: { type: String, required: false, maxLength: 128, example: 'spring-sale' },
  note: { type: String, required: false, maxLength: 2000, description: 'Free text. Keep personal data out of it.' },
});
