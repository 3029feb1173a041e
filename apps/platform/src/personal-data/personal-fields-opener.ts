import { Json, RecordedEvent } from '@cdp/event-model';
import { PersonalFieldsOpener } from '@cdp/audiences';
import { PersonalDataCipher } from '@cdp/personal-data';

/**
 * Opens the personal fields a segment reads (birth date, gender, occupation), for the time of one evaluation: they
 * were sealed as fields of CustomerProfileUpdated v2, and are opened as such. Erased or absent: null.
 */
export function personalFieldsOpener(cipher: PersonalDataCipher): PersonalFieldsOpener {
  return async (customerId, sealed) => {
    const data: Record<string, Json> = {};
    for (const [field, value] of Object.entries(sealed)) if (value !== null) data[field] = value;
    if (Object.keys(data).length === 0) return {};
    const opened = await cipher.decryptEvent(customerId, carrier(data));
    const text = (field: string) => (typeof opened.data[field] === 'string' ? (opened.data[field] as string) : null);
    return { birthDate: text('birthDate'), gender: text('gender'), occupation: text('occupation') };
  };
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
