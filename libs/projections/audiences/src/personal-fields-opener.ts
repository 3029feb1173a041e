import { Json } from '@cdp/event-model';
import { OpenedPersonalFields, SubjectFacts } from '@cdp/segments';

/**
 * Opens a customer's sealed personal fields for the time of one evaluation (the platform's cipher). A field that cannot
 * be opened (erased, altered) is null; it throws only when the keys cannot be reached, which the worker retries.
 */
export type PersonalFieldsOpener = (customerId: string, sealed: SubjectFacts['sealed']) => Promise<OpenedPersonalFields>;

const sealedPrefix = 'pii:';

/**
 * Without a cipher (tests, benchmarks over events appended in clear): plain strings are read as they are; sealed
 * or erased values are unknown.
 */
export const plaintextFieldsOnly: PersonalFieldsOpener = async (_customerId, sealed) => ({
  birthDate: plain(sealed.birthDate),
  gender: plain(sealed.gender),
  occupation: plain(sealed.occupation),
});

function plain(value: Json): string | null {
  return typeof value === 'string' && !value.startsWith(sealedPrefix) ? value : null;
}
