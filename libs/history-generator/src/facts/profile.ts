import { companySizes, genders, JsonObject } from '@cdp/event-model';
import { profileFlag } from '../customer-table';
import { drawFrom, HistoryContext, weighted } from '../history-context';
import { cityIn, drawCountry, isBusiness, kindAtRegistration, personHash } from '../population';
import { WeightedTable } from '../seeded-random';
import { countries, postcodeOf } from '../world/places';
import { companyWords, emailDomainOf, emailLocalPart, firstNameOf, genderWeights, lastNameOf, occupations, streetOf } from '../world/people';

/**
 * Profile values are pure functions of (party, version of the field): an update names a new version of
 * each field it changes, so it never repeats the value the party holds (the decider would drop it).
 */
function emailOf(h: number, version: number): string {
  return `${emailLocalPart(h)}${version === 0 ? '' : version}@${emailDomainOf(h)}`;
}

function phoneOf(country: number, h: number, version: number): string {
  // 7919 is prime to 10^6: versions below a million never repeat a number.
  return `${countries[country].phonePrefix} ${`${((h % 1_000_000) + version * 7919) % 1_000_000}`.padStart(6, '0')}`;
}

function occupationOf(h: number, version: number): string {
  return occupations[((h >>> 3) + version * 7) % occupations.length];
}

function birthDateOf(h: number): string {
  const year = 1940 + ((h >>> 5) % 67);
  const month = 1 + ((h >>> 12) % 12);
  const day = 1 + ((h >>> 17) % 28);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const genderTable = new WeightedTable([...genderWeights]);

function postcodeVariant(h: number, version: number): number {
  return ((h >>> 11) % 4000) + version;
}

function companyOf(h: number): JsonObject {
  const [first, second, third] = companyWords;
  return {
    name: `${first[(h >>> 4) % first.length]} ${second[(h >>> 9) % second.length]} ${third[(h >>> 14) % third.length]}`,
    size: companySizes[(h >>> 19) % companySizes.length],
  };
}

/** The profile a party fills in first: name, contact details, address, and the company of a business. */
export function onboardingProfile(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  const h = personHash(ctx.key, party);
  const country = table.country[party];
  const city = table.city[party];
  const place = countries[country];
  const profile: JsonObject = {};
  let flags = profileFlag.onboarded;
  if (random.chance(0.97)) profile.name = `${firstNameOf(h)} ${lastNameOf(h)}`;
  if (random.chance(0.9)) profile.email = emailOf(h, 0);
  if (random.chance(0.5)) profile.phone = phoneOf(country, h, 0);
  const business = isBusiness(ctx.key, party, kindAtRegistration(ctx.key, party));
  if (!business && random.chance(0.4)) {
    profile.birthDate = birthDateOf(h);
    flags |= profileFlag.birthDate;
  }
  if (!business && random.chance(0.35)) {
    profile.gender = genders[genderTable.indexAt(((h >>> 21) % 1000) / 1000)];
    flags |= profileFlag.gender;
  }
  if (random.chance(0.15)) {
    profile.occupation = occupationOf(h, 0);
    flags |= profileFlag.occupation;
  }
  const [cityName, region] = place.cities[city];
  profile.address = random.chance(0.85)
    ? { street: streetOf(h, 0), postalCode: postcodeOf(place, city, postcodeVariant(h, 0)), city: cityName, region, country: place.code }
    : { city: cityName, region, country: place.code };
  if (business) profile.company = companyOf(h);
  table.profileFlags[party] = flags;
  return profile;
}

const changes = weighted([
  ['email', 35],
  ['phone', 25],
  ['move', 25],
  ['occupation', 7],
  ['birthDate', 4],
  ['gender', 4],
] as const);

/** A later change of an onboarded profile: new email or phone, a move, a new job, a detail added. */
export function profileChange(ctx: HistoryContext, party: number): JsonObject {
  const { table, random } = ctx;
  const h = personHash(ctx.key, party);
  const flags = table.profileFlags[party];
  let change = drawFrom(random, changes);
  if (change === 'birthDate' && flags & profileFlag.birthDate) change = 'email';
  if (change === 'gender' && flags & profileFlag.gender) change = 'phone';
  switch (change) {
    case 'email':
      return { email: emailOf(h, ++table.emailVersion[party]) };
    case 'phone':
      return { phone: phoneOf(table.country[party], h, ++table.phoneVersion[party]) };
    case 'occupation': {
      const before = flags & profileFlag.occupation ? occupationOf(h, table.occupationVersion[party]) : undefined;
      let occupation = occupationOf(h, ++table.occupationVersion[party]);
      if (occupation === before) occupation = occupationOf(h, ++table.occupationVersion[party]);
      table.profileFlags[party] = flags | profileFlag.occupation;
      return { occupation };
    }
    case 'birthDate':
      table.profileFlags[party] = flags | profileFlag.birthDate;
      return { birthDate: birthDateOf(h) };
    case 'gender':
      table.profileFlags[party] = flags | profileFlag.gender;
      return { gender: genders[genderTable.indexAt(random.next())] };
    case 'move':
      return { address: move(ctx, party, h) };
  }
}

/** Mostly within the town, sometimes to another city, now and then abroad. Only what changes is named. */
function move(ctx: HistoryContext, party: number, h: number): JsonObject {
  const { table, random } = ctx;
  const oldCountry = table.country[party];
  const oldCity = table.city[party];
  const oldVersion = table.addressVersion[party];
  const version = ++table.addressVersion[party];
  let country = oldCountry;
  let city = oldCity;
  const roll = random.next();
  if (roll < 0.05) {
    do country = drawCountry(random.next());
    while (country === oldCountry);
    city = cityIn(country, random.next());
  } else if (roll < 0.4 && countries[country].cities.length > 1) {
    do city = cityIn(country, random.next());
    while (city === oldCity);
  }
  table.country[party] = country;
  table.city[party] = city;
  const place = countries[country];
  const address: JsonObject = { street: streetOf(h, version) };
  const postalCode = postcodeOf(place, city, postcodeVariant(h, version));
  if (postalCode !== postcodeOf(countries[oldCountry], oldCity, postcodeVariant(h, oldVersion))) address.postalCode = postalCode;
  const [cityName, region] = place.cities[city];
  const [oldCityName, oldRegion] = countries[oldCountry].cities[oldCity];
  if (cityName !== oldCityName) address.city = cityName;
  if (region !== oldRegion) address.region = region;
  if (country !== oldCountry) address.country = place.code;
  return address;
}
