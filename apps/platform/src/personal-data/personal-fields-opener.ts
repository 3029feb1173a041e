import { Json, RecordedEvent } from '@cdp/event-model';
import { PersonalFieldsOpener } from '@cdp/audiences';
import { PersonalDataCipher, PersonalDataIntegrityError } from '@cdp/personal-data';

/**
 * Opens the personal fields a segment reads (birth date, gender, occupation), for the time of one evaluation: they
 * were sealed as fields of CustomerProfileUpdated v2, and are opened as such. Erased or absent: null.
 */
export function personalFieldsOpener(cipher: PersonalDataCipher): PersonalFieldsOpener {
  return async (customerId, sealed) => {
    const data: Record<string, Json> = {};
    for (const [field, value] of Object.entries(sealed)) if (value !== null) data[field] = value;
    if (Object.keys(data).length === 0) return {};
    const opened = await openEach(cipher, customerId, data);
    const text = (field: string) => (typeof opened[field] === 'string' ? (opened[field] as string) : null);
    return { birthDate: text('birthDate'), gender: text('gender'), occupation: text('occupation') };
  };
}

/**
 * The fields opened; one that does not authenticate (altered, or not a sealed value) is unknown, as an erased one is,
 * rather than an error that would stop every evaluation. A key store that cannot be reached is an error: retried.
 */
async function openEach(cipher: PersonalDataCipher, customerId: string, data: Record<string, Json>): Promise<Record<string, Json>> {
  try {
    return (await cipher.decryptEvent(customerId, carrier(data))).data;
  } catch (error) {
    if (!(error instanceof PersonalDataIntegrityError)) throw error;
    const opened: Record<string, Json> = {};
    for (const [field, value] of Object.entries(data)) {
      try {
        Object.assign(opened, (await cipher.decryptEvent(customerId, carrier({ [field]: value }))).data);
      } catch (fieldError) {
        if (!(fieldError instanceof PersonalDataIntegrityError)) throw fieldError;
      }
    }
    return opened;
  }
}

function carrier(data: Record<string, Json>): RecordedEvent {
  return {
    eventId: '',
    type: 'CustomerProfileUpdated',
    schemaVersion: 2,
    streamId: '',
    revision: 0,
    position: '',
    data,
    metadata: { correlationId: '', causationId: '', occurredAt: '', recordedAt: '', source: { service: '' }, actor: { kind: 'system', id: '' } },
  };
}
