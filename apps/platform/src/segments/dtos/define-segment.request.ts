import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { aggregateIdPattern } from '@cdp/event-model';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const conditionsDescription =
  'A condition tree: {"all": [...]}, {"any": [...]}, {"not": {...}} over field tests ({"field", "op", "value"}), {"consent"}, {"bought"}, {"interacted"} and {"campaign"} (docs/segments.md; the fields at GET /v1/segments/fields).';

/** The body of PUT /v1/segments/{segmentId}: the definition that replaces the current one. */
export class RedefineSegmentRequest {
  @ApiProperty({ example: 'Recent candle buyers', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Bought a candle in the last 90 days and may be emailed.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({
    description: conditionsDescription,
    type: 'object',
    additionalProperties: true,
    example: { all: [{ consent: { channel: 'email', purpose: 'marketing' } }, { bought: { category: 'candles', withinDays: 90 } }] },
  })
  @IsObject({ message: 'conditions must be a condition object, e.g. {"field": "country", "op": "eq", "value": "GB"}' })
  conditions!: Record<string, unknown>;
}

/** The body of POST /v1/segments. The decider validates the conditions and names the faulty node. */
export class DefineSegmentRequest extends RedefineSegmentRequest {
  @ApiPropertyOptional({ example: 'candle-lovers', description: 'Its id; send the same one to retry safely. Default: a new random UUID.' })
  @IsOptional()
  @Matches(aggregateIdPattern, { message: 'segmentId must be 1 to 128 letters, digits or . _ : @ + -, starting with a letter or digit' })
  segmentId?: string;
}

export class ArchiveSegmentRequest {
  @ApiPropertyOptional({ example: 'summer sale over', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
