import { RecordedEvent } from '../envelope';
import { personalPaths } from '../personal-data/personal-data.decorators';
import { compileValidator, CompiledValidator } from '../validation/compiled-validator';
import { validateData, ValidationIssue } from '../validation/validate-data';
import { DataSchema, EventTypeDefinition } from './event-type-definition';

export class UnknownEventTypeError extends Error {
  readonly code = 'unknown-event-type';
  constructor(readonly eventType: string, known: readonly string[]) {
    super(`unknown event type "${eventType}"; known types: ${known.join(', ')}`);
  }
}

export class UnknownSchemaVersionError extends Error {
  readonly code = 'unknown-schema-version';
  constructor(readonly eventType: string, readonly schemaVersion: number, readonly current: number) {
    super(`${eventType} has no schemaVersion ${schemaVersion}; versions 1 to ${current} exist`);
  }
}

/** A registered definition, with its current (highest) version. */
export type CatalogueEntry = Readonly<EventTypeDefinition & { current: number }>;

/** The registry of event types: validates data against its version, and upcasts old versions on read. */
export class EventCatalogue {
  private readonly compiled = new Map<DataSchema, CompiledValidator>();
  private readonly byType = new Map<string, CatalogueEntry>();
  private readonly personalPathsCache = new Map<string, readonly (readonly string[])[]>();

  constructor(definitions: readonly EventTypeDefinition[]) {
    for (const definition of definitions) this.register(definition);
  }

  get types(): string[] {
    return [...this.byType.keys()];
  }

  /** Every registered definition, in registration order. */
  get definitions(): CatalogueEntry[] {
    return [...this.byType.values()];
  }

  currentVersion(type: string): number {
    return this.definition(type).current;
  }

  /** The definition of a type; throws UnknownEventTypeError for a type the catalogue does not know. */
  definition(type: string): CatalogueEntry {
    const definition = this.byType.get(type);
    if (!definition) throw new UnknownEventTypeError(type, this.types);
    return definition;
  }

  /** The DTO of `type` at `schemaVersion`. */
  schema(type: string, schemaVersion: number): DataSchema {
    const definition = this.definition(type);
    const schema = Number.isInteger(schemaVersion) ? definition.versions[schemaVersion] : undefined;
    if (!schema) throw new UnknownSchemaVersionError(type, schemaVersion, definition.current);
    return schema;
  }

  /** True for a type producers may send; false for platform-internal types and for unknown ones. */
  isProducerType(type: string): boolean {
    return this.byType.get(type)?.origin === 'producer';
  }

  /** Checks `data` against the schema of `type` at `schemaVersion`; an empty list means valid. */
  validate(type: string, schemaVersion: number, data: unknown): ValidationIssue[] {
    const schema = this.schema(type, schemaVersion);
    let compiled = this.compiled.get(schema);
    if (!compiled) this.compiled.set(schema, (compiled = compileValidator(schema)));
    if (compiled(data)) return [];
    const issues = validateData(schema, data);
    // Both check the same rules; should they ever disagree, the stricter verdict stands.
    return issues.length > 0 ? issues : [{ path: 'data', message: `data does not match the JSON Schema of ${type} v${schemaVersion}` }];
  }

  /**
   * The paths of the personal leaf fields of `type` at `schemaVersion`, e.g. [['name'], ['address', 'city']].
   * [] for a type without personal data and for an unknown type or version (nothing known to protect).
   */
  personalDataPaths(type: string, schemaVersion: number): readonly (readonly string[])[] {
    const key = `${type}@${schemaVersion}`;
    let paths = this.personalPathsCache.get(key);
    if (!paths) {
      const schema = this.byType.get(type)?.versions[schemaVersion];
      paths = Object.freeze(schema ? personalPaths(schema).map((path) => Object.freeze(path)) : []);
      this.personalPathsCache.set(key, paths);
    }
    return paths;
  }

  /** `data` of `type` at `schemaVersion`, in the shape of the current version (the upcasters in a chain). */
  upcastData(type: string, schemaVersion: number, data: object): object {
    const definition = this.definition(type);
    this.schema(type, schemaVersion);
    let upcast = data;
    for (let version = schemaVersion; version < definition.current; version++) {
      upcast = definition.upcasters[version](upcast);
    }
    return upcast;
  }

  /**
   * The event in its current shape. Old events are never rewritten in the store: they are upcast on every read.
   * Types this catalogue does not know pass through untouched: a newer writer may have added them.
   */
  upcast<E extends RecordedEvent<string, object>>(event: E): E {
    const definition = this.byType.get(event.type);
    if (!definition || event.schemaVersion === definition.current) return event;
    return { ...event, schemaVersion: definition.current, data: this.upcastData(event.type, event.schemaVersion, event.data) };
  }

  private register(definition: EventTypeDefinition): void {
    const versions = Object.keys(definition.versions).map(Number).sort((a, b) => a - b);
    const current = versions.length;
    versions.forEach((version, index) => {
      if (version !== index + 1) throw new Error(`${definition.type}: versions must run 1..n without gaps, got ${versions}`);
      if (version < current && !definition.upcasters[version]) {
        throw new Error(`${definition.type}: version ${version} needs an upcaster to version ${version + 1}`);
      }
    });
    if (this.byType.has(definition.type)) throw new Error(`${definition.type} is defined twice`);
    this.byType.set(definition.type, Object.freeze({ ...definition, current }));
  }
}
