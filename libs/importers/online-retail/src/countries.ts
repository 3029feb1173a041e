/**
 * The 38 country names of the data set → ISO 3166-1 alpha-2.
 * `null` means the name names no single country, so no address is recorded:
 * 'European Community' and 'Unspecified' say nothing, and 'Channel Islands' is Jersey (JE)
 * or Guernsey (GG): guessing one would write a wrong fact into an immutable stream.
 */
export const countryCodes: Readonly<Record<string, string | null>> = {
  Australia: 'AU',
  Austria: 'AT',
  Bahrain: 'BH',
  Belgium: 'BE',
  Brazil: 'BR',
  Canada: 'CA',
  'Channel Islands': null,
  Cyprus: 'CY',
  'Czech Republic': 'CZ',
  Denmark: 'DK',
  EIRE: 'IE',
  'European Community': null,
  Finland: 'FI',
  France: 'FR',
  Germany: 'DE',
  Greece: 'GR',
  'Hong Kong': 'HK',
  Iceland: 'IS',
  Israel: 'IL',
  Italy: 'IT',
  Japan: 'JP',
  Lebanon: 'LB',
  Lithuania: 'LT',
  Malta: 'MT',
  Netherlands: 'NL',
  Norway: 'NO',
  Poland: 'PL',
  Portugal: 'PT',
  RSA: 'ZA',
  'Saudi Arabia': 'SA',
  Singapore: 'SG',
  Spain: 'ES',
  Sweden: 'SE',
  Switzerland: 'CH',
  'United Arab Emirates': 'AE',
  'United Kingdom': 'GB',
  Unspecified: null,
  USA: 'US',
};

export type CountryLookup =
  | { readonly known: true; readonly code: string | null }
  | { readonly known: false };

export function lookUpCountry(name: string): CountryLookup {
  const trimmed = name.trim();
  return Object.prototype.hasOwnProperty.call(countryCodes, trimmed)
    ? { known: true, code: countryCodes[trimmed] }
    : { known: false };
}
