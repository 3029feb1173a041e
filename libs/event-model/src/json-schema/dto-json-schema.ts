import 'reflect-metadata';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { personalMarks } from '../personal-data/personal-data.decorators';
import { DataSchema } from '../versioning/event-type-definition';
import { JsonSchema } from './json-schema';

const definitionsPrefix = '#/$defs/';

type Converters = NonNullable<Parameters<typeof targetConstructorToSchema>[1]>['additionalConverters'];
type Metadata = { constraints: unknown[] };

// Where the library's defaults say less than our DTOs do.
const converters: Converters = {
  // The default converter also sets type "number", which would overwrite IsInt's "integer".
  min: (meta: Metadata) => ({ minimum: meta.constraints[0] as number }),
  // JSON Schema cannot count decimal places (multipleOf 0.0001 breaks on binary floats): an annotation says it.
  isNumber: (meta: Metadata) => {
    const maxDecimalPlaces = (meta.constraints[0] as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    return maxDecimalPlaces === undefined ? { type: 'number' } : { type: 'number', 'x-max-decimal-places': maxDecimalPlaces };
  },
};

/**
 * The JSON Schema of a class-validator DTO, nested DTOs in `$defs`: generated from the same decorators
 * that validate, so the two never disagree. Objects forbid unknown properties (as validation does), and
 * personal fields carry `"x-personal-data": true`.
 *
 * One DTO at a time (`targetConstructorToSchema`), not the whole metadata storage: other code in the same
 * process (API request DTOs, tests) registers classes too, and a name clash would merge their rules into ours.
 */
export function dtoJsonSchema(root: DataSchema): JsonSchema {
  const nested = new Map<string, { dto: DataSchema; schema?: JsonSchema }>();
  const queue: DataSchema[] = [];
  const enqueue = (dto: DataSchema): void => {
    const known = nested.get(dto.name);
    if (known && known.dto !== dto) throw new Error(`two nested DTOs of ${root.name} are named ${dto.name}: rename one`);
    if (!known) {
      nested.set(dto.name, { dto });
      queue.push(dto);
    }
  };
  const rootSchema = objectSchema(root, enqueue);
  for (let dto = queue.shift(); dto; dto = queue.shift()) {
    (nested.get(dto.name) as { schema?: JsonSchema }).schema = objectSchema(dto, enqueue);
  }
  if (nested.size === 0) return rootSchema;
  return { ...rootSchema, $defs: Object.fromEntries([...nested].map(([name, { schema }]) => [name, schema])) };
}

function objectSchema(dto: DataSchema, onNested: (nested: DataSchema) => void): JsonSchema {
  const generated = targetConstructorToSchema(dto, {
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: definitionsPrefix,
    additionalConverters: converters,
  }) as JsonSchema;
  const marks = personalMarks(dto);
  const properties = Object.fromEntries(
    Object.entries((generated.properties ?? {}) as Record<string, JsonSchema>).map(([property, schema]) => {
      const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as DataSchema | undefined;
      if (nested && isDto(nested)) onNested(nested);
      return [property, marks.get(property)?.kind === 'leaf' ? { ...schema, 'x-personal-data': true } : schema];
    }),
  );
  for (const property of marks.keys()) {
    if (!(property in properties)) throw new Error(`${dto.name}.${property} is marked personal but has no validation rule`);
  }
  const { type: _type, properties: _properties, required, ...rest } = generated;
  return {
    type: 'object',
    properties,
    ...(required ? { required } : {}),
    additionalProperties: false,
    ...rest,
  };
}

function isDto(type: DataSchema): boolean {
  return ![String, Number, Boolean, Object, Array, Date].includes(type as never);
}
