import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalogue } from '../catalogue';
import { eventDataJsonSchema, eventJsonSchemas } from './event-json-schemas';
import { ingestionMessageJsonSchema } from './ingestion-message-schema';
import { JsonSchema } from './json-schema';
import { eventSchemaFiles } from './schema-files';
import { jsonSchemaErrors } from './testing/json-schema-check';

const committedDirectory = join(__dirname, '../../../../docs/schemas');
const allSchemas = eventJsonSchemas().map(({ schema }) => schema);

/** Both checks of a payload: the class-validator DTO and the exported JSON Schema. */
function verdicts(type: string, version: number, data: unknown) {
  return {
    dto: eventCatalogue.validate(type, version, data).length === 0,
    schema: jsonSchemaErrors(eventDataJsonSchema(type, version), data).length === 0,
  };
}

/** Every object schema in a schema, wherever it is nested, with the path to it. */
function objectSchemas(node: unknown, at = '#'): [string, JsonSchema][] {
  if (typeof node !== 'object' || node === null) return [];
  const own: [string, JsonSchema][] = (node as JsonSchema).type === 'object' ? [[at, node as JsonSchema]] : [];
  return [...own, ...Object.entries(node).flatMap(([key, child]) => objectSchemas(child, `${at}/${key}`))];
}

/** The paths of the fields marked "x-personal-data", following $refs into $defs. */
function markedPaths(schema: JsonSchema, root = schema, prefix: string[] = []): string[][] {
  const resolved = typeof schema.$ref === 'string' ? (root.$defs as Record<string, JsonSchema>)[schema.$ref.replace('#/$defs/', '')] : schema;
  return Object.entries((resolved.properties ?? {}) as Record<string, JsonSchema>).flatMap(([property, child]) =>
    child['x-personal-data'] === true ? [[...prefix, property]] : markedPaths(child, root, [...prefix, property]),
  );
}

describe('the JSON Schemas of the event catalogue', () => {
  it('are committed in docs/schemas exactly as the catalogue generates them (run tools/schemas/export-event-schemas.ts)', () => {
    const generated = eventSchemaFiles();
    const committed = readdirSync(committedDirectory).filter((name) => name.endsWith('.json'));
    expect(committed.sort()).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) expect([name, readFileSync(join(committedDirectory, name), 'utf8')]).toEqual([name, text]);
  });

  it('give each version of each type a schema named by its $id, in draft 2020-12', () => {
    const ids = eventJsonSchemas().map(({ schema }) => schema.$id);
    expect(ids).toContain('urn:cdp:event:OrderPlaced:v1');
    expect(ids).toContain('urn:cdp:event:CustomerProfileUpdated:v1');
    expect(ids).toContain('urn:cdp:event:CustomerProfileUpdated:v2');
    expect(new Set(ids).size).toBe(ids.length);
    for (const schema of allSchemas) expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('forbid unknown fields in every object, nested ones included', () => {
    for (const schema of [...allSchemas, ingestionMessageJsonSchema()]) {
      for (const [at, object] of objectSchemas(schema)) {
        // The envelope's data is checked by the $ref chosen by type and schemaVersion, not by its own entry.
        if (at === '#/properties/data' || at.includes('/allOf/') || at.includes('/oneOf/')) continue;
        // A segment's condition tree is a recursive language of its own: @cdp/segments validates it, node by node.
        if (/^urn:cdp:event:Segment(Re)?defined:/i.test(String(schema.$id)) && at === '#/properties/conditions') continue;
        expect([schema.$id, at, object.additionalProperties]).toEqual([schema.$id, at, false]);
      }
    }
  });

  it('mark exactly the personal fields of the catalogue with x-personal-data', () => {
    for (const { type, schemaVersion, schema } of eventJsonSchemas()) {
      expect([type, schemaVersion, markedPaths(schema)]).toEqual([type, schemaVersion, eventCatalogue.personalDataPaths(type, schemaVersion)]);
    }
  });

  it('accept the example of every type', () => {
    for (const definition of eventCatalogue.definitions) {
      expect([definition.type, jsonSchemaErrors(eventDataJsonSchema(definition.type, definition.current), definition.example)]).toEqual([
        definition.type,
        [],
      ]);
    }
  });

  it('list required fields and enums as the DTOs do', () => {
    const schema = eventDataJsonSchema('ComplaintOpened', 1);
    expect(schema.required).toEqual(['complaintId', 'channel', 'category', 'severity']);
    expect((schema.properties as Record<string, JsonSchema>).severity).toEqual({ type: 'string', enum: ['low', 'medium', 'high', 'critical'] });
    expect(eventDataJsonSchema('ReturnReceived', 1).required).toEqual(['returnId']);
    expect(eventDataJsonSchema('CustomerProfileUpdated', 2).required).toBeUndefined();
  });

  it('give a copy: a caller changing it changes nobody else’s', () => {
    eventDataJsonSchema('OrderCancelled', 1).title = 'changed';
    expect(eventDataJsonSchema('OrderCancelled', 1).title).toBe('OrderCancelled v1');
  });

  // The same payloads through both checks: the schema producers read must judge as the platform does.
  it.each([
    ['a valid order', 'OrderPlaced', 1, { orderId: 'o-1', lines: [{ productId: 'p', sku: 's', quantity: 2, unitPrice: 1.5, currency: 'EUR' }] }, true],
    ['an unknown top-level field', 'OrderCancelled', 1, { orderId: 'o-1', cancelledBy: 'ops' }, false],
    ['an unknown field in an order line', 'OrderPlaced', 1, { orderId: 'o-1', lines: [{ productId: 'p', sku: 's', quantity: 2, unitPrice: 1, currency: 'EUR', colour: 'red' }] }, false],
    ['an unknown field in the address', 'CustomerProfileUpdated', 2, { address: { city: 'Leeds', floor: 3 } }, false],
    ['an order without lines', 'OrderPlaced', 1, { orderId: 'o-1' }, false],
    ['no order lines at all', 'OrderPlaced', 1, { orderId: 'o-1', lines: [] }, false],
    ['a quantity of 0', 'OrderPlaced', 1, { orderId: 'o-1', lines: [{ productId: 'p', sku: 's', quantity: 0, unitPrice: 1, currency: 'EUR' }] }, false],
    ['a fractional quantity', 'ReturnRequested', 1, { returnId: 'r', productId: 'p', quantity: 1.5, reason: 'other', channel: 'web' }, false],
    ['an unknown enum value', 'ConsentGranted', 1, { channel: 'email', purpose: 'spam' }, false],
    ['a lower-case currency', 'PaymentCaptured', 1, { paymentId: 'p', amount: 1, currency: 'eur' }, false],
    ['a negative amount', 'RefundIssued', 1, { refundId: 'r', amount: -0.01, currency: 'EUR' }, false],
    ['a null optional field', 'ReturnReceived', 1, { returnId: 'r', condition: null }, false],
    ['an empty id', 'OrderCancelled', 1, { orderId: '' }, false],
    ['a flat v1 profile', 'CustomerProfileUpdated', 1, { name: 'Ada', country: 'GB' }, true],
    ['a flat country in v2', 'CustomerProfileUpdated', 2, { country: 'GB' }, false],
    ['a company without a name', 'CustomerProfileUpdated', 2, { company: { size: '1-9' } }, false],
    ['a platform claim', 'IdentityClaimed', 1, { customerId: '17850' }, true],
    ['a claim with a bad id', 'IdentityClaimed', 1, { customerId: '-bad id' }, false],
  ])('judge %s as the DTO does', (_case, type, version, data, valid) => {
    expect(verdicts(type, version, data)).toEqual({ dto: valid, schema: valid });
  });
});

describe('the JSON Schema of the ingestion message', () => {
  const schema = ingestionMessageJsonSchema();
  const errors = (message: object) => jsonSchemaErrors(schema, message, allSchemas);
  const message = {
    type: 'OrderCancelled',
    customerId: '17850',
    occurredAt: '2011-12-01T08:26:00.000Z',
    data: { orderId: '536365' },
  };

  it('accepts a message naming the party by id or by identifier', () => {
    expect(errors(message)).toEqual([]);
    const { customerId: _id, ...anonymous } = message;
    expect(errors({ ...anonymous, identifier: { kind: 'email', value: 'ada@example.org' }, eventId: '0b6c2f0e-8f7e-4c57-9d4e-6c1f2d3e4a5b' })).toEqual([]);
  });

  it('wants exactly one of customerId and identifier', () => {
    const { customerId: _id, ...anonymous } = message;
    expect(errors(anonymous)).not.toEqual([]);
    expect(errors({ ...message, identifier: { kind: 'email', value: 'ada@example.org' } })).not.toEqual([]);
  });

  it('refuses unknown fields, platform types and unknown types', () => {
    expect(errors({ ...message, priority: 'high' })).toEqual(['$.priority: is not allowed']);
    expect(errors({ ...message, type: 'IdentityClaimed', data: { customerId: '17850' } })).not.toEqual([]);
    expect(errors({ ...message, type: 'CustomerTeleported' })).not.toEqual([]);
  });

  it('checks data against the schema of its type', () => {
    expect(errors({ ...message, data: { orderId: '536365', extra: true } })).toContain('$.data.extra: is not allowed');
    expect(errors({ ...message, type: 'OrderPlaced' })).toContain('$.data.lines: is required');
  });

  it('checks data against the named schemaVersion, the current one when absent', () => {
    const v1Profile = { ...message, type: 'CustomerProfileUpdated', data: { name: 'Ada', country: 'GB' } };
    expect(errors({ ...v1Profile, schemaVersion: 1 })).toEqual([]);
    expect(errors(v1Profile)).not.toEqual([]);
    expect(errors({ ...v1Profile, schemaVersion: 2 })).not.toEqual([]);
    expect(errors({ ...message, schemaVersion: 2 })).not.toEqual([]);
  });

  it('wants an occurredAt with a time zone', () => {
    expect(errors({ ...message, occurredAt: '2011-12-01T08:26:00' })).toEqual(['$.occurredAt: is not a valid date-time']);
  });
});
