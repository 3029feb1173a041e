// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEmail, IsISO8601, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { EventTypeDefinition } from '../versioning/event-type-definition';

/** v1 (first release): a flat profile with the country only. Still readable, upcast on read. */
export class CustomerProfileUpdatedV1 {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() @MaxLength(32) phone?: string;
  /** ISO 3166-1 alpha-2. */
  @IsOptional() @IsString() @Length(2, 2) country?: string;
}

export class PostalAddress {
  @IsOptional() @IsString() @Length(2, 2) country?: string;
  @IsOptional() @IsString() @MaxLength(100) region?: string;
  @IsOptional() @IsString() @MaxLength(100) city?: string;
  @IsOptional() @IsString() @MaxLength(20) postalCode?: string;
}

/** v2: the country moves into a structured address, and the birth date arrives. */
export class CustomerProfileUpdatedV2 {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() @MaxLength(32) phone?: string;
  @IsOptional() @IsISO8601({ strict: true }) birthDate?: string;
  @IsOptional() @ValidateNested() @Type(() => PostalAddress) address?: PostalAddress;
}

export type CustomerProfileUpdatedData = CustomerProfileUpdatedV2;

export function upcastProfileV1ToV2(v1: CustomerProfileUpdatedV1): CustomerProfileUpdatedV2 {
  const { country, ...rest } = v1;
  return country === undefined ? rest : { ...rest, address: { country } };
}

export const customerProfileUpdated: EventTypeDefinition = {
  type: 'CustomerProfileUpdated',
  versions: { 1: CustomerProfileUpdatedV1, 2: CustomerProfileUpdatedV2 },
  upcasters: { 1: (data) => upcastProfileV1ToV2(data as CustomerProfileUpdatedV1) },
};
