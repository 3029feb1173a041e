export * from './json-schema';
export { eventDataJsonSchema, eventJsonSchemas } from './event-json-schemas';
export type { EventJsonSchema } from './event-json-schemas';
export { ingestionMessageJsonSchema } from './ingestion-message-schema';
export { eventSchemaFiles, schemaFileName } from './schema-files';
