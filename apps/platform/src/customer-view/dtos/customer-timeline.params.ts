import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { eventKinds } from '@cdp/customer-360';
import { instantFormats, IsInstant } from '../../http/params/instant';

export const maxTimelinePageSize = 500;

export class CustomerTimelineParams {
  @ApiPropertyOptional({ description: `Comma-separated kinds: ${eventKinds.join(', ')}.`, example: 'order,return' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray({ message: `kind must be a comma-separated list of ${eventKinds.join(', ')}` })
  @IsIn(eventKinds, { each: true, message: `kind must hold only ${eventKinds.join(', ')}` })
  kind?: string[];

  @ApiPropertyOptional({ description: `Events that occurred at or after this moment: ${instantFormats}.` })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: `Events that occurred before this moment: ${instantFormats}.` })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Newest first: start below this revision (the nextBefore of the previous page).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'before must be an integer' })
  @Min(0, { message: 'before must be 0 or more' })
  before?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: maxTimelinePageSize, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: `limit must be 1 to ${maxTimelinePageSize}` })
  @Max(maxTimelinePageSize, { message: `limit must be 1 to ${maxTimelinePageSize}` })
  limit?: number;
}
