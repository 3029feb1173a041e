// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsISO8601, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ContainsPersonalData, PersonalData } from '../personal-data/personal-data.decorators';
import { CompanySize, companySizes } from './company-size';
import { Gender, genders } from './gender';
import { CountryCode, Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

/** v1 (first release): a flat profile with the country only. Still readable, upcast on read. */
export class CustomerProfileUpdatedV1 {
  @PersonalData() @Optional() @Text(200) name?: string;
  @PersonalData() @Optional() @IsEmail() email?: string;
  @PersonalData() @Optional() @Text(32) phone?: string;
  /** ISO 3166-1 alpha-2. Not personal: alone it identifies nobody, and segments use it. */
  @Optional() @CountryCode() country?: string;
}

/** Street, postal code and city locate a person; region and country only place them in a segment. */
export class PostalAddress {
  @PersonalData() @Optional() @Text(200) street?: string;
  @PersonalData() @Optional() @Text(20) postalCode?: string;
  @PersonalData() @Optional() @Text(100) city?: string;
  @Optional() @Text(100) region?: string;
  @Optional() @CountryCode() country?: string;
}

/** The organisation a B2B party works for: business data, not personal. */
export class CompanyProfile {
  @IsString() @MaxLength(200) name!: string;
  @Optional() @IsIn(companySizes) size?: CompanySize;
}

/**
 * v2: the country moves into a structured address, and the birth date arrives.
 * Later additions (gender, occupation, company, address.street) are optional fields: still v2.
 */
export class CustomerProfileUpdatedV2 {
  @PersonalData() @Optional() @Text(200) name?: string;
  @PersonalData() @Optional() @IsEmail() email?: string;
  @PersonalData() @Optional() @Text(32) phone?: string;
  @PersonalData() @Optional() @IsISO8601({ strict: true }) birthDate?: string;
  @PersonalData() @Optional() @IsIn(genders) gender?: Gender;
  @PersonalData() @Optional() @Text(100) occupation?: string;

  @ContainsPersonalData(() => PostalAddress)
  @Optional()
  @ValidateNested()
  @Type(() => PostalAddress)
  address?: PostalAddress;

  @Optional() @ValidateNested() @Type(() => CompanyProfile) company?: CompanyProfile;
}

export type CustomerProfileUpdatedData = CustomerProfileUpdatedV2;

export function upcastProfileV1ToV2(v1: CustomerProfileUpdatedV1): CustomerProfileUpdatedV2 {
  const { country, ...rest } = v1;
  return country === undefined ? rest : { ...rest, address: { country } };
}

export const customerProfileUpdated: EventTypeDefinition = {
  type: 'CustomerProfileUpdated',
  origin: 'producer',
  description: 'New values of some profile fields of a party. Absent fields keep their value.',
  versions: { 1: CustomerProfileUpdatedV1, 2: CustomerProfileUpdatedV2 },
  upcasters: { 1: (data) => upcastProfileV1ToV2(data as CustomerProfileUpdatedV1) },
  example: {
    email: 'ada@example.org',
    birthDate: '1815-12-10',
    occupation: 'mathematician',
    address: { street: '12 St James Square', city: 'London', country: 'GB' },
    company: { name: 'Analytical Engines Ltd', size: '1-9' },
  },
};
