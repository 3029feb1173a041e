import { RecordedEvent } from '../envelope';
import { validateData, ValidationIssue } from '../validation/validate-data';
import { EventTypeDefinition } from './event-type-definition';

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

/** The registry of event types: validates data against its version, and upcasts old versions on read. */
export class EventCatalogue {
  private readonly byType = new Map<string, EventTypeDefinition & { current: number }>();

  constructor(definitions: readonly EventTypeDefinition[]) {
    for (const definition of definitions) this.register(definition);
  }

  get types(): string[] {
    return [...this.byType.keys()];
  }

  currentVersion(type: string): number {
    return this.definition(type).current;
  }

  /** Checks `data` against the schema of `type` at `schemaVersion`; an empty list means valid. */
  validate(type: string, schemaVersion: number, data: unknown): ValidationIssue[] {
    const definition = this.definition(type);
    const schema = definition.versions[schemaVersion];
    if (!schema) throw new UnknownSchemaVersionError(type, schemaVersion, definition.current);
    return validateData(schema, data);
  }

  /** The event in its current shape. Old events are never rewritten in the store: they are upcast on every read. */
  upcast<E extends RecordedEvent<string, object>>(event: E): E {
    const definition = this.byType.get(event.type);
    if (!definition || event.schemaVersion === definition.current) return event;
    if (!definition.versions[event.schemaVersion] || event.schemaVersion > definition.current) {
      throw new UnknownSchemaVersionError(event.type, event.schemaVersion, definition.current);
    }
    let data: object = event.data;
    for (let version = event.schemaVersion; version < definition.current; version++) {
      data = definition.upcasters[version](data);
    }
    return { ...event, schemaVersion: definition.current, data };
  }

  private definition(type: string) {
    const definition = this.byType.get(type);
    if (!definition) throw new UnknownEventTypeError(type, this.types);
    return definition;
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
    this.byType.set(definition.type, { ...definition, current });
  }
}
