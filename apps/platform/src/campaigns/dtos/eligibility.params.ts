import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { instantFormats, IsInstant } from '../../http/params/instant';

export class EligibilityParams {
  @ApiPropertyOptional({
    description: `Answer for this moment instead of now: the events that occurred by then, the windows as they stand then (a planned send date asks "what if we sent then"). ${instantFormats}.`,
    example: '2011-04-01T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
