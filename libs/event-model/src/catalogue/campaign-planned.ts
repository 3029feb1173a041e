import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Channel, channels } from './channel';
import { ConsentPurpose, consentPurposes } from './consent-purpose';
import { EntityId, Optional, Sku, Text, UtcInstant } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export const suppressionScopes = ['product', 'category'] as const;
/** What a return or complaint keeps a customer out of: campaigns for that product, or for anything of its category. */
export type SuppressionScope = (typeof suppressionScopes)[number];

export class PromotedProduct {
  /** Matches an order line, return or complaint whose productId or sku is this value. */
  @Sku() sku!: string;
  /** The product's category, for the `category` scope. */
  @Optional() @Text(100) category?: string;
}

export class CampaignPlannedV1 {
  @Text(200) name!: string;
  @IsIn(channels) channel!: Channel;
  @IsIn(consentPurposes) purpose!: ConsentPurpose;

  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PromotedProduct)
  products!: PromotedProduct[];

  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  categories!: string[];

  @EntityId() audienceSegmentId!: string;
  /** When it is to be sent (ISO 8601, UTC). */
  @UtcInstant() sendAt!: string;
  /** Days a closed return keeps blocking; absent: the platform's default (30). */
  @Optional() @IsInt() @Min(0) @Max(3650) coolingOffDays?: number;
  @IsIn(suppressionScopes) suppressionScope!: SuppressionScope;
}

export type CampaignPlannedData = CampaignPlannedV1;

export const campaignPlanned: EventTypeDefinition = {
  type: 'CampaignPlanned',
  origin: 'platform',
  description: 'A marketing campaign was planned: its channel, purpose, promoted products and audience. The first event of campaign-<id>.',
  versions: { 1: CampaignPlannedV1 },
  upcasters: {},
  example: {
    name: 'Spring lights',
    channel: 'email',
    purpose: 'marketing',
    products: [{ sku: '85123A', category: 'lighting' }],
    categories: [],
    audienceSegmentId: 'uk-buyers',
    sendAt: '2011-04-01T09:00:00.000Z',
    suppressionScope: 'product',
  },
};
