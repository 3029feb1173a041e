import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { aggregateIdPattern, channels, consentPurposes, PromotedProduct, suppressionScopes } from '@cdp/event-model';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsInstant } from '../../http/params/instant';
import { documentInheritedProperties } from '../../openapi/document-inherited-properties';

/** The body of POST /v1/campaigns. The decider checks it again against CampaignPlanned v1 before it is recorded. */
export class PlanCampaignRequest {
  @ApiPropertyOptional({ example: 'spring-lights', description: 'Its id; send the same one to retry safely. Default: a new random UUID.' })
  @IsOptional()
  @Matches(aggregateIdPattern, { message: 'campaignId must be 1 to 128 letters, digits or . _ : @ + -, starting with a letter or digit' })
  campaignId?: string;

  @ApiProperty({ example: 'Spring lights', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: channels, example: 'email', description: 'Customers must have consented to `purpose` on this channel.' })
  @IsIn(channels)
  channel!: string;

  @ApiProperty({ enum: consentPurposes, example: 'marketing' })
  @IsIn(consentPurposes)
  purpose!: string;

  @ApiPropertyOptional({
    type: [PromotedProduct],
    example: [{ sku: '85123A', category: 'lighting' }],
    description: 'The promoted products: a return or complaint whose productId or sku is one of them blocks. Default: none.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PromotedProduct)
  products?: PromotedProduct[];

  @ApiPropertyOptional({ type: [String], example: ['lighting'], description: 'Promoted categories: every product of them is promoted. Default: none.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  categories?: string[];

  @ApiProperty({ example: 'uk-buyers', description: 'The segment whose members are the audience.' })
  @Matches(aggregateIdPattern, { message: 'audienceSegmentId must be 1 to 128 letters, digits or . _ : @ + -, starting with a letter or digit' })
  audienceSegmentId!: string;

  @ApiProperty({ example: '2011-04-01T09:00:00Z', description: 'When it is to be sent: a date (midnight UTC) or a date-time with its time zone.' })
  @IsInstant()
  sendAt!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, example: 30, description: 'Days a closed return keeps blocking. Default: the platform’s (30).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  coolingOffDays?: number;

  @ApiPropertyOptional({
    enum: suppressionScopes,
    example: 'product',
    description: 'category: a return or complaint also blocks campaigns promoting other products of its category. Default: product.',
  })
  @IsOptional()
  @IsIn(suppressionScopes)
  suppressionScope?: string;
}

documentInheritedProperties(PromotedProduct, {
  sku: { type: String, maxLength: 64, example: '85123A', description: 'Matches the productId or the sku of order lines, returns and complaints.' },
  category: { type: String, required: false, maxLength: 100, example: 'lighting', description: 'Its category, for the category scope.' },
});
