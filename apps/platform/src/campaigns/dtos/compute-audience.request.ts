import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { instantFormats, IsInstant } from '../../http/params/instant';

export class ComputeAudienceRequest {
  @ApiPropertyOptional({
    description: `Apply the suppression rule for this moment instead of now, e.g. the send date ("what if we sent then"). The members are the segment's now. ${instantFormats}.`,
    example: '2011-12-01T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
