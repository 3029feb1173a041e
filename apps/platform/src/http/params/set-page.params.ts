import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const listFormats = ['json', 'csv', 'ndjson'] as const;
export type ListFormat = (typeof listFormats)[number];

/** A page of a keyed set (members, an audience): JSON pages, or the whole set streamed as CSV or NDJSON. */
export class SetPageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 1000' })
  @Min(1, { message: 'limit must be an integer from 1 to 1000' })
  @Max(1000, { message: 'limit must be an integer from 1 to 1000' })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;

  @ApiPropertyOptional({ enum: listFormats, description: 'csv or ndjson (or Accept: text/csv, application/x-ndjson) streams every entry.' })
  @IsOptional()
  @IsIn(listFormats, { message: `format must be one of ${listFormats.join(', ')}` })
  format?: ListFormat;
}

export function formatOf(format: ListFormat | undefined, accept: string | undefined): ListFormat {
  if (format) return format;
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('application/x-ndjson')) return 'ndjson';
  return 'json';
}
