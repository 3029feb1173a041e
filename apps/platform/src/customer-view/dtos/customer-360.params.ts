import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { instantFormats, IsInstant } from '../../http/params/instant';

export class Customer360Params {
  @ApiPropertyOptional({
    description: `The view as it was at this moment of business time, folded from the customer’s stream: ${instantFormats}.`,
    example: '2011-06-30T23:59:59Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
