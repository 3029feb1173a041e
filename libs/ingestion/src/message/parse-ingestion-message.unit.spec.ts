import { parseIngestionBytes, parseIngestionMessage } from './parse-ingestion-message';

const limits = { maxMessageBytes: 2_048 };
const interaction = {
  type: 'InteractionRecorded',
  customerId: 'c-42',
  occurredAt: '2024-05-01T12:00:00+02:00',
  data: { channel: 'web', direction: 'inbound', kind: 'page-viewed' },
};

describe('parsing an ingestion message', () => {
  it('accepts a valid message, at the current version, with its time in UTC', () => {
    expect(parseIngestionBytes(JSON.stringify(interaction), limits)).toEqual({
      type: 'InteractionRecorded',
      schemaVersion: 1,
      data: interaction.data,
      party: { customerId: 'c-42' },
      occurredAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it('keeps the producer’s event id and correlation id', () => {
    const eventId = '0B6C2F0E-8F7E-4C57-9D4E-6C1F2D3E4A5B';
    expect(parseIngestionMessage({ ...interaction, eventId, correlationId: 'order-flow-7' })).toMatchObject({
      eventId: eventId.toLowerCase(),
      correlationId: 'order-flow-7',
    });
  });

  it('upcasts data written in an old version to the current shape', () => {
    const v1 = { type: 'CustomerProfileUpdated', schemaVersion: 1, customerId: 'c-1', occurredAt: '2024-01-01T00:00:00Z', data: { country: 'GB' } };
    expect(parseIngestionMessage(v1)).toMatchObject({ schemaVersion: 1, data: { address: { country: 'GB' } } });
  });

  it('files a message under a known identifier instead of a customer id', () => {
    const { customerId: _, ...rest } = interaction;
    expect(parseIngestionMessage({ ...rest, identifier: { kind: 'email', value: 'ada@example.org' } })).toMatchObject({
      party: { identifier: { kind: 'email', value: 'ada@example.org' } },
    });
  });

  describe('refuses, with a code and what to fix', () => {
    it.each([
      ['a message over the size limit', 'x'.repeat(2_049), 'payload-too-large', 'limit is 2048'],
      ['bytes that are not JSON', '{"type":', 'invalid-json', 'not JSON'],
      ['JSON that is not an object', '[1,2]', 'invalid-message', 'JSON object'],
      ['an unknown type', JSON.stringify({ ...interaction, type: 'CustomerTeleported' }), 'unknown-event-type', 'OrderPlaced'],
      ['a version from the future', JSON.stringify({ ...interaction, schemaVersion: 7 }), 'unknown-schema-version', 'versions 1 to 1'],
      ['a type only the platform writes', JSON.stringify({ ...interaction, type: 'IdentityClaimed' }), 'not-accepted-from-producers', 'platform'],
    ])('%s', (_, bytes, code, hint) => {
      const result = parseIngestionBytes(bytes, limits);
      expect(result).toMatchObject({ status: 'rejected', code });
      expect((result as { message: string }).message).toContain(hint);
    });

    it('data that breaks the schema, naming each field', () => {
      const result = parseIngestionMessage({ ...interaction, data: { channel: 'fax', direction: 'inbound', kind: 'visit', mood: 'happy' } });
      expect(result).toMatchObject({ status: 'rejected', code: 'schema-violation' });
      expect((result as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort()).toEqual(['data.channel', 'data.mood']);
    });

    it('an envelope with every fault listed at once', () => {
      const result = parseIngestionMessage({ type: 'InteractionRecorded', occurredAt: '2024-05-01 12:00', eventId: 'seven', colour: 'red', data: {} });
      expect(result).toMatchObject({ status: 'rejected', code: 'invalid-message' });
      expect((result as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort()).toEqual(['colour', 'customerId', 'eventId', 'occurredAt']);
    });

    it('both a customer id and an identifier, or neither', () => {
      const both = parseIngestionMessage({ ...interaction, identifier: { kind: 'email', value: 'a@b.c' } });
      expect(both).toMatchObject({ code: 'invalid-message', issues: [{ path: 'customerId', message: 'give exactly one of customerId and identifier' }] });
    });

    it('an identifier of an unknown kind', () => {
      const { customerId: _, ...rest } = interaction;
      const result = parseIngestionMessage({ ...rest, identifier: { kind: 'passport', value: 'X1' } });
      expect(result).toMatchObject({ code: 'invalid-message', issues: [{ path: 'identifier.kind' }] });
    });
  });
});
