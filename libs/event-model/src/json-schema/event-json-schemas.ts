import { eventCatalogue } from '../catalogue';
import { EventOrigin } from '../versioning/event-type-definition';
import { dtoJsonSchema } from './dto-json-schema';
import { eventSchemaId, JsonSchema, jsonSchemaDialect } from './json-schema';

/** The schema of the data of one event type at one version, with what a reader needs to pick it. */
export interface EventJsonSchema {
  type: string;
  schemaVersion: number;
  /** True for the version writers write today. */
  current: boolean;
  origin: EventOrigin;
  schema: JsonSchema;
}

const cache = new Map<string, JsonSchema>();

/** The JSON Schema (draft 2020-12) of `data` of `type` at `schemaVersion`, generated from its DTO. */
export function eventDataJsonSchema(type: string, schemaVersion: number): JsonSchema {
  const key = eventSchemaId(type, schemaVersion);
  let schema = cache.get(key);
  if (!schema) {
    schema = generate(type, schemaVersion);
    cache.set(key, schema);
  }
  return structuredClone(schema);
}

/** Every version of every event type of the catalogue, in catalogue order, oldest version first. */
export function eventJsonSchemas(): EventJsonSchema[] {
  return eventCatalogue.definitions.flatMap((definition) =>
    Object.keys(definition.versions)
      .map(Number)
      .sort((a, b) => a - b)
      .map((schemaVersion) => ({
        type: definition.type,
        schemaVersion,
        current: schemaVersion === definition.current,
        origin: definition.origin,
        schema: eventDataJsonSchema(definition.type, schemaVersion),
      })),
  );
}

function generate(type: string, schemaVersion: number): JsonSchema {
  const definition = eventCatalogue.definition(type);
  const current = schemaVersion === definition.current;
  const { $defs, ...body } = dtoJsonSchema(eventCatalogue.schema(type, schemaVersion));
  return {
    $schema: jsonSchemaDialect,
    $id: eventSchemaId(type, schemaVersion),
    title: `${type} v${schemaVersion}`,
    description: current
      ? definition.description
      : `${definition.description} An earlier shape: readers see it upcast to v${definition.current}.`,
    'x-event-type': type,
    'x-schema-version': schemaVersion,
    'x-origin': definition.origin,
    ...body,
    ...(current ? { examples: [definition.example] } : {}),
    ...($defs ? { $defs } : {}),
  };
}
