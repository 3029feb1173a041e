import { RecordedEvent } from '../envelope';
import { eventCatalogue } from '../catalogue';
import { EventCatalogue, UnknownEventTypeError, UnknownSchemaVersionError } from './event-catalogue';

const recorded = (type: string, schemaVersion: number, data: object): RecordedEvent<string, object> => ({
  eventId: '0b6c2f0e-8f7e-4c57-9d4e-6c1f2d3e4a5b',
  type,
  schemaVersion,
  streamId: 'customer-42',
  revision: 3,
  position: '00000000000000000012',
  data,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2024-05-01T10:00:00.000Z',
    recordedAt: '2024-05-01T10:00:01.000Z',
    source: { service: 'crm' },
    actor: { kind: 'service', id: 'crm' },
  },
});

describe('the event catalogue', () => {
  describe('upcasting CustomerProfileUpdated v1 → v2', () => {
    it('given a v1 event with a country, reads it as v2 with the country inside the address', () => {
      const v1 = recorded('CustomerProfileUpdated', 1, { name: 'Ada Lovelace', email: 'ada@example.org', country: 'GB' });
      const read = eventCatalogue.upcast(v1);
      expect(read.schemaVersion).toBe(2);
      expect(read.data).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org', address: { country: 'GB' } });
      expect(eventCatalogue.validate('CustomerProfileUpdated', 2, read.data)).toEqual([]);
      // Only the shape changes: the envelope is the one that was stored.
      expect({ ...read, data: undefined, schemaVersion: undefined }).toEqual({ ...v1, data: undefined, schemaVersion: undefined });
    });

    it('given a v1 event without a country, reads it as v2 without an address', () => {
      const read = eventCatalogue.upcast(recorded('CustomerProfileUpdated', 1, { phone: '+33 1 23 45 67 89' }));
      expect(read.data).toEqual({ phone: '+33 1 23 45 67 89' });
    });

    it('leaves an event already at the current version untouched', () => {
      const v2 = recorded('CustomerProfileUpdated', 2, { birthDate: '1815-12-10', address: { city: 'London' } });
      expect(eventCatalogue.upcast(v2)).toBe(v2);
    });

    it('refuses a version from the future rather than guessing its shape', () => {
      expect(() => eventCatalogue.upcast(recorded('CustomerProfileUpdated', 3, {}))).toThrow(UnknownSchemaVersionError);
    });
  });

  describe('upcastData: data in the current shape', () => {
    it('upcasts v1 profile data through the chain', () => {
      expect(eventCatalogue.upcastData('CustomerProfileUpdated', 1, { name: 'Ada', country: 'GB' })).toEqual({
        name: 'Ada',
        address: { country: 'GB' },
      });
    });

    it('returns current data as it is', () => {
      const data = { channel: 'web', direction: 'inbound', kind: 'page-viewed' };
      expect(eventCatalogue.upcastData('InteractionRecorded', 1, data)).toBe(data);
    });

    it('names unknown types and versions', () => {
      expect(() => eventCatalogue.upcastData('CustomerTeleported', 1, {})).toThrow(UnknownEventTypeError);
      expect(() => eventCatalogue.upcastData('CustomerProfileUpdated', 3, {})).toThrow(UnknownSchemaVersionError);
      expect(() => eventCatalogue.upcastData('CustomerProfileUpdated', 0, {})).toThrow(UnknownSchemaVersionError);
      expect(() => eventCatalogue.upcastData('CustomerProfileUpdated', 1.5, {})).toThrow(UnknownSchemaVersionError);
    });

    it('runs every upcaster of a longer chain, in order', () => {
      class V1 {}
      class V2 {}
      class V3 {}
      const catalogue = new EventCatalogue([
        {
          type: 'Renamed',
          origin: 'producer',
          description: '',
          versions: { 1: V1, 2: V2, 3: V3 },
          upcasters: { 1: (data) => ({ ...data, steps: ['1→2'] }), 2: (data) => ({ ...data, steps: [...(data as { steps: string[] }).steps, '2→3'] }) },
          example: {},
        },
      ]);
      expect(catalogue.upcastData('Renamed', 1, {})).toEqual({ steps: ['1→2', '2→3'] });
      expect(catalogue.upcast(recorded('Renamed', 2, { steps: [] })).data).toEqual({ steps: ['2→3'] });
    });
  });

  it('passes events of types it does not know through upcast untouched: a newer writer may have added them', () => {
    const unknown = recorded('CustomerTeleported', 4, { to: 'Mars' });
    expect(eventCatalogue.upcast(unknown)).toBe(unknown);
  });

  describe('validation', () => {
    it('accepts a valid InteractionRecorded and names each fault of an invalid one', () => {
      expect(eventCatalogue.validate('InteractionRecorded', 1, { channel: 'sms', direction: 'outbound', kind: 'message-sent' })).toEqual([]);
      const issues = eventCatalogue.validate('InteractionRecorded', 1, { channel: 'fax', direction: 'outbound', kind: 'Sent', extra: 1 });
      expect(issues.map((issue) => issue.path).sort()).toEqual(['data.channel', 'data.extra', 'data.kind']);
      expect(issues.find((issue) => issue.path === 'data.channel')?.message).toContain('email, web, phone, store, social, letter, chat, sms');
    });

    it('validates nested objects of v2 profiles', () => {
      const issues = eventCatalogue.validate('CustomerProfileUpdated', 2, { address: { country: 'France' } });
      expect(issues).toEqual([{ path: 'data.address.country', message: expect.stringContaining('country') }]);
    });

    it('knows every party kind of the XRM', () => {
      for (const partyKind of ['customer', 'prospect', 'partner', 'supplier', 'press', 'prescriber']) {
        expect(eventCatalogue.validate('CustomerRegistered', 1, { partyKind })).toEqual([]);
      }
      expect(eventCatalogue.validate('CustomerRegistered', 1, { partyKind: 'alien' })).toHaveLength(1);
    });

    it('names unknown types and versions', () => {
      expect(() => eventCatalogue.validate('CustomerTeleported', 1, {})).toThrow(UnknownEventTypeError);
      expect(() => eventCatalogue.validate('InteractionRecorded', 9, {})).toThrow('versions 1 to 1 exist');
    });
  });

  it('refuses a definition whose old version has no upcaster', () => {
    class V1 {}
    class V2 {}
    expect(() => new EventCatalogue([{ type: 'Broken', origin: 'producer', description: '', versions: { 1: V1, 2: V2 }, upcasters: {}, example: {} }])).toThrow(
      'version 1 needs an upcaster to version 2',
    );
  });
});
