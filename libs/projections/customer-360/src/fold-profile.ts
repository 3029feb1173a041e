import { isAtOrAfter, laterOf } from './business-time';
import { Customer360Address, Customer360Company, Customer360Document, ProfileFieldTimes, SealedValue } from './customer-360-document';
import { EventOf } from './customer-360-event';

type Values = { [field: string]: SealedValue | undefined };
type Times = { [field: string]: string };

/**
 * Field by field (the address and the company subfield by subfield): each field takes the value of its latest
 * update by business time, so a late, older update does not overwrite a newer value (equal times: the later in
 * the log wins). Values are copied as they are: sealed strings or erased markers.
 */
export function foldProfileUpdate(doc: Customer360Document, event: EventOf<'CustomerProfileUpdated'>): Customer360Document {
  const at = event.occurredAt;
  const { fields, address, company } = event.data;
  const times: ProfileFieldTimes = { ...doc.profileFieldsAt };
  const profile = { ...doc.profile, updatedAt: laterOf(doc.profile.updatedAt, at) };

  for (const [field, value] of Object.entries(fields)) {
    const since = times[field];
    if (isAtOrAfter(at, typeof since === 'string' ? since : null)) {
      (profile as Values)[field] = value;
      times[field] = at;
    }
  }
  if (address && Object.keys(address).length > 0) {
    const merged = mergeSubfields(profile.address ?? {}, times.address, address, at);
    profile.address = merged.values as Customer360Address;
    times.address = merged.times;
  }
  if (company && Object.keys(company).length > 0) {
    const merged = mergeSubfields(profile.company ?? {}, times.company, company, at);
    profile.company = merged.values as Customer360Company;
    times.company = merged.times;
  }
  return { ...doc, profile, profileFieldsAt: times };
}

function mergeSubfields(
  current: Values,
  since: ProfileFieldTimes[string] | undefined,
  changes: Values,
  at: string,
): { values: Values; times: Times } {
  const values = { ...current };
  const times: Times = typeof since === 'object' ? { ...since } : {};
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || !isAtOrAfter(at, times[field])) continue;
    values[field] = value;
    times[field] = at;
  }
  return { values, times };
}
