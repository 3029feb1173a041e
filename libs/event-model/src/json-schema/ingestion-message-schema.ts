import { eventCatalogue, identifierKinds } from '../catalogue';
import { aggregateIdPattern } from '../stream-names';
import { eventSchemaId, ingestionMessageSchemaId, JsonSchema, jsonSchemaDialect } from './json-schema';

/**
 * The JSON Schema of what producers send (a Kafka value, an HTTP body item, an NDJSON line).
 * `data` is checked against the schema of `type` at `schemaVersion` (absent: the current version), by `$ref`
 * to that schema's `$id`: load every schema of docs/schemas (index.json lists them) into the validator.
 */
export function ingestionMessageJsonSchema(): JsonSchema {
  const producerTypes = eventCatalogue.definitions.filter((definition) => definition.origin === 'producer');
  return {
    $schema: jsonSchemaDialect,
    $id: ingestionMessageSchemaId,
    title: 'Ingestion message',
    description:
      'One event as a producer sends it. Exactly one of customerId and identifier names the party; ' +
      'data is validated against the schema of type at schemaVersion (absent: the current version).',
    type: 'object',
    properties: {
      type: { type: 'string', enum: producerTypes.map((definition) => definition.type), description: 'An event type of the catalogue.' },
      schemaVersion: { type: 'integer', minimum: 1, description: 'The version of data\'s shape. Default: the current version of the type.' },
      customerId: {
        type: 'string',
        pattern: aggregateIdPattern.source,
        description: 'The party\'s id; its stream is customer-<customerId>.',
      },
      identifier: {
        type: 'object',
        description: 'Instead of customerId: an identifier already linked to the party.',
        properties: {
          kind: { type: 'string', enum: [...identifierKinds] },
          value: { type: 'string', minLength: 1, maxLength: 320, 'x-personal-data': true },
        },
        required: ['kind', 'value'],
        additionalProperties: false,
      },
      eventId: { type: 'string', format: 'uuid', description: 'Makes retries idempotent. Default: derived from the source.' },
      occurredAt: { type: 'string', format: 'date-time', description: 'When it happened: ISO 8601 with a time zone.' },
      correlationId: { type: 'string', minLength: 1 },
      data: { type: 'object', description: 'The fact itself, validated against the schema of type at schemaVersion.' },
    },
    required: ['type', 'occurredAt', 'data'],
    additionalProperties: false,
    oneOf: [{ required: ['customerId'] }, { required: ['identifier'] }],
    allOf: producerTypes.map(({ type, versions, current }) => {
      const known = Object.keys(versions)
        .map(Number)
        .sort((a, b) => a - b);
      return {
        if: { properties: { type: { const: type } }, required: ['type'] },
        then: {
          properties: { schemaVersion: { enum: known } },
          allOf: known.map((version) => ({
            // `properties` holds when schemaVersion is absent: absent means the current version.
            if: { properties: { schemaVersion: { const: version } }, ...(version === current ? {} : { required: ['schemaVersion'] }) },
            then: { properties: { data: { $ref: eventSchemaId(type, version) } } },
          })),
        },
      };
    }),
  };
}
