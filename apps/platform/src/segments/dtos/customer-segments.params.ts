import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CustomerSegmentsParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100, description: 'Changes of the history per page, newest first.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'historyLimit must be an integer from 1 to 1000' })
  @Min(1, { message: 'historyLimit must be an integer from 1 to 1000' })
  @Max(1000, { message: 'historyLimit must be an integer from 1 to 1000' })
  historyLimit?: number;

  @ApiPropertyOptional({ description: 'The historyNextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  historyCursor?: string;
}
