import { PartyKind, partyKinds } from '@cdp/event-model';
import { hashOf, unitHashOf, WeightedTable } from './seeded-random';
import { countries } from './world/places';

// Math's functions are read once: under jest (a vm context) every lookup of a global is slow.
const { sqrt, log, cos, exp, PI } = Math;

/**
 * What is fixed about a party from birth: kind at registration, home, names, how active it is. Each is
 * a pure function of (history key, party index), so nothing is stored for it.
 */
const salt = { kind: 1, country: 2, city: 3, activity: 4, activityAngle: 5, names: 6, business: 7, channel: 8, person: 9 } as const;

/** Parties by kind at registration, in percent: the XRM holds prospects and business contacts too. */
const kindWeights: Readonly<Record<PartyKind, number>> = { customer: 88, prospect: 7, partner: 2, supplier: 1.5, press: 0.75, prescriber: 0.75 };
const kindTable = new WeightedTable(partyKinds.map((kind) => kindWeights[kind]));
export const customerKind = partyKinds.indexOf('customer');

const countryTable = new WeightedTable(countries.map((country) => country.weight));
/** Bigger cities hold more people: the first city of a country is the largest. */
const cityTables = countries.map((country) => new WeightedTable(country.cities.map((_, i) => 1 / (i + 1))));

export function kindAtRegistration(key: number, party: number): number {
  return kindTable.indexAt(unitHashOf(key, party, salt.kind));
}

export function homeCountry(key: number, party: number): number {
  return countryTable.indexAt(unitHashOf(key, party, salt.country));
}

export function cityIn(country: number, unit: number): number {
  return cityTables[country].indexAt(unit);
}

export function homeCity(key: number, party: number, country: number): number {
  return cityIn(country, unitHashOf(key, party, salt.city));
}

export function drawCountry(unit: number): number {
  return countryTable.indexAt(unit);
}

/**
 * How active a party is, relative to the others: log-normal (σ 1.3), so that a tenth of the parties make
 * half of the events and the top 1% about 15% (the heavy buyers). Parties that are not customers at
 * registration are a quarter as active.
 */
export function activityWeight(key: number, party: number): number {
  const u1 = (hashOf(key, party, salt.activity) + 1) / 4294967297;
  const u2 = unitHashOf(key, party, salt.activityAngle);
  const normal = sqrt(-2 * log(u1)) * cos(2 * PI * u2);
  const weight = exp(1.3 * normal);
  return kindAtRegistration(key, party) === customerKind ? weight : weight / 4;
}

/** 32 bits that pick the party's names, street, birth date… */
export function personHash(key: number, party: number): number {
  return hashOf(key, party, salt.person);
}

/** Business parties (and one customer in ten: shops buying wholesale) carry a company in their profile. */
export function isBusiness(key: number, party: number, kind: number): boolean {
  const kindName = partyKinds[kind];
  if (kindName === 'partner' || kindName === 'supplier') return true;
  return unitHashOf(key, party, salt.business) < 0.1;
}

export function acquisitionUnit(key: number, party: number): number {
  return unitHashOf(key, party, salt.channel);
}
