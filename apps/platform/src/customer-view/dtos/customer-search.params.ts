import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { lifecycleStages } from '@cdp/customer-360';
import { partyKinds } from '@cdp/event-model';
import { instantFormats, IsInstant } from '../../http/params/instant';

export const sortableFields = ['customerId', 'lastOrderAt', 'firstOrderAt', 'registeredAt', 'reportingRevenue', 'orderCount', 'returnRate'] as const;
export const sortParameterValues = sortableFields.flatMap((field) => [field, `-${field}`]);
export const exportFormats = ['json', 'csv', 'ndjson'] as const;
export const maxSearchPageSize = 1000;

/** `a,b` and repeated parameters alike become a list; anything but text (an object from `x[$gt]=`) is left for the validator to refuse. */
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',') : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.flatMap((item: string) => item.split(',')) : value;
const score = (name: string) => [
  IsOptional(),
  Type(() => Number),
  IsInt({ message: `${name} must be an integer from 1 to 5` }),
  Min(1, { message: `${name} must be an integer from 1 to 5` }),
  Max(5, { message: `${name} must be an integer from 1 to 5` }),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((decorate) => decorate(target, key));

/**
 * Filters of GET /v1/customers. Every value is typed here, before it reaches a query: a parameter the
 * platform does not know (`$where`) or an object smuggled in (`country[$gt]=`) is a 400, never an operator.
 */
export class CustomerSearchParams {
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 codes, comma-separated: any of them.', example: 'GB,FR' })
  @IsOptional()
  @Transform(list)
  @IsArray({ message: 'country must be a comma-separated list of ISO 3166-1 alpha-2 codes' })
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'country must hold ISO 3166-1 alpha-2 codes such as GB, in capitals' })
  country?: string[];

  @ApiPropertyOptional({ enum: lifecycleStages, description: 'The lifecycle stage now (docs/customer-360.md).' })
  @IsOptional()
  @IsIn(lifecycleStages, { message: `stage must be one of ${lifecycleStages.join(', ')}` })
  stage?: (typeof lifecycleStages)[number];

  @ApiPropertyOptional({ description: `Comma-separated: any of ${partyKinds.join(', ')}.`, example: 'customer,prospect' })
  @IsOptional()
  @Transform(list)
  @IsArray({ message: `partyKind must be a comma-separated list of ${partyKinds.join(', ')}` })
  @IsIn(partyKinds, { each: true, message: `partyKind must hold only ${partyKinds.join(', ')}` })
  partyKind?: string[];

  @ApiPropertyOptional({ description: 'The three RFM scores at once, e.g. 545 (recency, frequency, monetary).', example: '545' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-5]{3}$/, { message: 'rfm must be three digits from 1 to 5, e.g. 545' })
  rfm?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @apply(score('rfmRecency'))
  rfmRecency?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @apply(score('rfmFrequency'))
  rfmFrequency?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @apply(score('rfmMonetary'))
  rfmMonetary?: number;

  @ApiPropertyOptional({ description: 'Revenue in the reporting currency, at least.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'revenueMin must be a number' })
  revenueMin?: number;

  @ApiPropertyOptional({ description: 'Revenue in the reporting currency, at most.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'revenueMax must be a number' })
  revenueMax?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'ordersMin must be an integer' })
  @Min(0, { message: 'ordersMin must be 0 or more' })
  ordersMin?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'ordersMax must be an integer' })
  @Min(0, { message: 'ordersMax must be 0 or more' })
  ordersMax?: number;

  @ApiPropertyOptional({ description: `Last order on or after this moment: ${instantFormats}.`, example: '2011-06-01' })
  @IsOptional()
  @IsInstant()
  lastOrderFrom?: string;

  @ApiPropertyOptional({ description: `Last order before this moment: ${instantFormats}.`, example: '2011-12-01' })
  @IsOptional()
  @IsInstant()
  lastOrderTo?: string;

  @ApiPropertyOptional({ description: 'Only customers with (true) or without (false) an open complaint.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'openComplaint must be true or false' })
  openComplaint?: boolean;

  @ApiPropertyOptional({ description: 'Return rate (returns per order) at least.', example: 0.2 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'returnRateMin must be a number' })
  @Min(0, { message: 'returnRateMin must be 0 or more' })
  returnRateMin?: number;

  @ApiPropertyOptional({ enum: sortParameterValues, default: 'customerId', description: 'A field; a leading - sorts descending.' })
  @IsOptional()
  @IsIn(sortParameterValues, { message: `sort must be one of ${sortParameterValues.join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: maxSearchPageSize, default: 50, description: 'JSON: the page size. csv / ndjson: at most this many matches (default: every match).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: `limit must be 1 to ${maxSearchPageSize}` })
  @Max(maxSearchPageSize, { message: `limit must be 1 to ${maxSearchPageSize}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, with the same filters and sort.' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ enum: exportFormats, default: 'json', description: 'csv and ndjson stream every match (no paging); json is one page.' })
  @IsOptional()
  @IsIn(exportFormats, { message: `format must be one of ${exportFormats.join(', ')}` })
  format?: (typeof exportFormats)[number];

  @ApiPropertyOptional({ description: 'Also count every match (json only; costs a second query).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'total must be true or false' })
  total?: boolean;
}
