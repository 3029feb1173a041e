// Math's functions are read once: under jest (a vm context) every lookup of a global is slow.
const { floor } = Math;
/**
 * Where the parties live. Skewed like the Online Retail data set (a UK retailer: nine customers in ten
 * in the United Kingdom, the rest mostly in Western Europe), with a few cities per country.
 */
export type Currency = 'GBP' | 'EUR' | 'USD';
export type PostcodeStyle = 'gb' | 'digits4' | 'digits5' | 'nl';

export interface Country {
  code: string;
  /** Share of the parties, in percent. */
  weight: number;
  /** What the retailer bills in there: sterling at home, euros in the euro area, dollars in the US. */
  currency: Currency;
  phonePrefix: string;
  postcode: PostcodeStyle;
  /** [city, region] */
  cities: readonly (readonly [string, string])[];
}

export const countries: readonly Country[] = [
  {
    code: 'GB',
    weight: 82,
    currency: 'GBP',
    phonePrefix: '+44 7700',
    postcode: 'gb',
    cities: [
      ['London', 'Greater London'],
      ['Manchester', 'Greater Manchester'],
      ['Birmingham', 'West Midlands'],
      ['Leeds', 'West Yorkshire'],
      ['Glasgow', 'Scotland'],
      ['Bristol', 'South West England'],
      ['Liverpool', 'Merseyside'],
      ['Edinburgh', 'Scotland'],
      ['Cardiff', 'Wales'],
      ['Belfast', 'Northern Ireland'],
      ['Nottingham', 'East Midlands'],
      ['Brighton', 'South East England'],
    ],
  },
  { code: 'DE', weight: 3.5, currency: 'EUR', phonePrefix: '+49 151', postcode: 'digits5', cities: [['Berlin', 'Berlin'], ['Hamburg', 'Hamburg'], ['München', 'Bayern'], ['Köln', 'Nordrhein-Westfalen']] },
  { code: 'FR', weight: 3.5, currency: 'EUR', phonePrefix: '+33 6', postcode: 'digits5', cities: [['Paris', 'Île-de-France'], ['Lyon', 'Auvergne-Rhône-Alpes'], ['Marseille', "Provence-Alpes-Côte d'Azur"], ['Lille', 'Hauts-de-France']] },
  { code: 'IE', weight: 2, currency: 'EUR', phonePrefix: '+353 85', postcode: 'digits4', cities: [['Dublin', 'Leinster'], ['Cork', 'Munster'], ['Galway', 'Connacht']] },
  { code: 'ES', weight: 1.2, currency: 'EUR', phonePrefix: '+34 612', postcode: 'digits5', cities: [['Madrid', 'Comunidad de Madrid'], ['Barcelona', 'Cataluña'], ['Valencia', 'Comunitat Valenciana']] },
  { code: 'NL', weight: 1.2, currency: 'EUR', phonePrefix: '+31 6', postcode: 'nl', cities: [['Amsterdam', 'Noord-Holland'], ['Rotterdam', 'Zuid-Holland'], ['Utrecht', 'Utrecht']] },
  { code: 'BE', weight: 1, currency: 'EUR', phonePrefix: '+32 470', postcode: 'digits4', cities: [['Bruxelles', 'Bruxelles-Capitale'], ['Antwerpen', 'Vlaanderen'], ['Liège', 'Wallonie']] },
  { code: 'CH', weight: 0.8, currency: 'EUR', phonePrefix: '+41 79', postcode: 'digits4', cities: [['Zürich', 'Zürich'], ['Genève', 'Genève'], ['Basel', 'Basel-Stadt']] },
  { code: 'PT', weight: 0.7, currency: 'EUR', phonePrefix: '+351 912', postcode: 'digits4', cities: [['Lisboa', 'Lisboa'], ['Porto', 'Norte']] },
  { code: 'IT', weight: 0.7, currency: 'EUR', phonePrefix: '+39 320', postcode: 'digits5', cities: [['Milano', 'Lombardia'], ['Roma', 'Lazio'], ['Torino', 'Piemonte']] },
  { code: 'NO', weight: 0.5, currency: 'GBP', phonePrefix: '+47 41', postcode: 'digits4', cities: [['Oslo', 'Oslo'], ['Bergen', 'Vestland']] },
  { code: 'SE', weight: 0.4, currency: 'GBP', phonePrefix: '+46 70', postcode: 'digits5', cities: [['Stockholm', 'Stockholm'], ['Göteborg', 'Västra Götaland']] },
  { code: 'DK', weight: 0.4, currency: 'GBP', phonePrefix: '+45 20', postcode: 'digits4', cities: [['København', 'Hovedstaden'], ['Aarhus', 'Midtjylland']] },
  { code: 'FI', weight: 0.3, currency: 'EUR', phonePrefix: '+358 40', postcode: 'digits5', cities: [['Helsinki', 'Uusimaa'], ['Tampere', 'Pirkanmaa']] },
  { code: 'AT', weight: 0.3, currency: 'EUR', phonePrefix: '+43 664', postcode: 'digits4', cities: [['Wien', 'Wien'], ['Graz', 'Steiermark']] },
  { code: 'US', weight: 0.4, currency: 'USD', phonePrefix: '+1 202', postcode: 'digits5', cities: [['New York', 'New York'], ['Chicago', 'Illinois'], ['San Francisco', 'California']] },
  { code: 'AU', weight: 0.3, currency: 'GBP', phonePrefix: '+61 412', postcode: 'digits4', cities: [['Sydney', 'New South Wales'], ['Melbourne', 'Victoria']] },
  { code: 'JP', weight: 0.1, currency: 'GBP', phonePrefix: '+81 90', postcode: 'digits5', cities: [['Tokyo', 'Tokyo'], ['Osaka', 'Osaka']] },
  { code: 'CY', weight: 0.1, currency: 'EUR', phonePrefix: '+357 99', postcode: 'digits4', cities: [['Nicosia', 'Nicosia']] },
  { code: 'IS', weight: 0.1, currency: 'GBP', phonePrefix: '+354 611', postcode: 'digits4', cities: [['Reykjavík', 'Höfuðborgarsvæðið']] },
];

export const currencies: readonly Currency[] = ['GBP', 'EUR', 'USD'];

/** Prices are set in sterling; other currencies at a fixed rate, so that amounts stay comparable. */
export const ratePerGbp: Readonly<Record<Currency, number>> = { GBP: 1, EUR: 1.17, USD: 1.27 };

const letters = 'ABCDEFGHJKLMNPRSTUWXYZ';

/** The postcode area of each British city, as Royal Mail names them. */
const gbPostcodeAreas: Readonly<Record<string, string>> = {
  London: 'SW',
  Manchester: 'M',
  Birmingham: 'B',
  Leeds: 'LS',
  Glasgow: 'G',
  Bristol: 'BS',
  Liverpool: 'L',
  Edinburgh: 'EH',
  Cardiff: 'CF',
  Belfast: 'BT',
  Nottingham: 'NG',
  Brighton: 'BN',
};

/**
 * A postal code for a street of a city: a pure function of its arguments. Different `variant`s of the
 * same city give different codes (the variant is spread over the last characters).
 */
export function postcodeOf(country: Country, cityIndex: number, variant: number): string {
  switch (country.postcode) {
    case 'gb': {
      const city = country.cities[cityIndex][0];
      const area = gbPostcodeAreas[city] ?? city.slice(0, 2).toUpperCase();
      const district = 1 + (variant % 19);
      const sector = floor(variant / 19) % 10;
      const unit = floor(variant / 190);
      return `${area}${district} ${sector}${letters[unit % letters.length]}${letters[floor(unit / letters.length) % letters.length]}`;
    }
    case 'digits4':
      return String(1000 + ((cityIndex * 1000 + variant) % 9000));
    case 'digits5':
      return String(10000 + ((cityIndex * 10000 + variant) % 90000)).padStart(5, '0');
    case 'nl':
      return `${1000 + ((cityIndex * 1000 + variant) % 9000)} ${letters[variant % letters.length]}${letters[floor(variant / 7) % letters.length]}`;
  }
}
