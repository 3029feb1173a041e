/** A JSON Schema (draft 2020-12) as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/** The `$id` of the schema of an event's data at a version, e.g. `urn:cdp:event:OrderPlaced:v1`. */
export const eventSchemaId = (type: string, schemaVersion: number): string => `urn:cdp:event:${type}:v${schemaVersion}`;

export const ingestionMessageSchemaId = 'urn:cdp:ingestion-message';
