import { eventJsonSchemas } from './event-json-schemas';
import { ingestionMessageJsonSchema } from './ingestion-message-schema';
import { ingestionMessageSchemaId, JsonSchema, jsonSchemaDialect } from './json-schema';

/**
 * The files of docs/schemas, by name, as text: `<Type>.v<N>.json` for every version of every type,
 * `ingestion-message.json`, and `index.json` listing them. Committed, and compared by a test, so that
 * what producers read is always what the platform checks.
 */
export function eventSchemaFiles(): Map<string, string> {
  const events = eventJsonSchemas();
  const files = new Map<string, JsonSchema | object>();
  const index = {
    description: 'JSON Schemas of the event catalogue, generated from libs/event-model: do not edit by hand.',
    dialect: jsonSchemaDialect,
    ingestionMessage: { $id: ingestionMessageSchemaId, file: 'ingestion-message.json' },
    events: events.map(({ type, schemaVersion, current, origin, schema }) => ({
      type,
      schemaVersion,
      current,
      origin,
      $id: schema.$id,
      file: schemaFileName(type, schemaVersion),
    })),
  };
  for (const { type, schemaVersion, schema } of events) files.set(schemaFileName(type, schemaVersion), schema);
  files.set('ingestion-message.json', ingestionMessageJsonSchema());
  files.set('index.json', index);
  return new Map([...files].map(([name, content]) => [name, `${JSON.stringify(content, null, 2)}\n`]));
}

export const schemaFileName = (type: string, schemaVersion: number): string => `${type}.v${schemaVersion}.json`;
