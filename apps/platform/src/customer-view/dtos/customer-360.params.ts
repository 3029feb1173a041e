import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class Customer360Params {
  @ApiPropertyOptional({
    description: 'The view as it was at this moment of business time (ISO 8601), folded from the customer’s stream.',
    example: '2011-06-30T23:59:59Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date or date-time, e.g. 2011-06-30T23:59:59Z' })
  asOf?: string;
}
