import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const maxPageSize = 1000;

export class CustomerEventsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'The first revision to return: the nextRevision of the previous page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'fromRevision must be an integer' })
  @Min(0, { message: 'fromRevision must be 0 or more' })
  fromRevision?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: maxPageSize, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: `limit must be 1 to ${maxPageSize}` })
  @Max(maxPageSize, { message: `limit must be 1 to ${maxPageSize}` })
  limit?: number;
}
