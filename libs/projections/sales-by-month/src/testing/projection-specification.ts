import assert from 'node:assert/strict';
import { Json, JsonObject, RecordedEvent } from '@cdp/event-model';
import { ProjectionDefinition } from '@cdp/projection-engine';

type ErrorType<E extends Error> = abstract new (...args: never[]) => E;

/**
 * Business-readable projection tests: `given(events).then({ [documentId]: document })`.
 * Folds as the engine does (only its event types, by documentIdOf, in log order), and hands evolve deep-frozen
 * documents, so a fold that mutates its input fails every test.
 */
export function projectionSpecification<Body extends JsonObject>(projection: ProjectionDefinition<Body>) {
  return {
    given(events: readonly RecordedEvent[]) {
      const fold = () => foldAll(projection, events);
      return {
        then(expected: { [id: string]: Body }): void {
          assert.deepStrictEqual(Object.fromEntries(fold()), expected);
        },
        /** The one document with that id, for finer checks. */
        thenDocument(id: string): Body {
          const document = fold().get(id);
          assert.ok(document, `no document ${id}`);
          return document;
        },
        thenThrows<E extends Error>(errorType: ErrorType<E>, check?: (error: E) => void): void {
          let thrown: unknown;
          try {
            fold();
          } catch (error) {
            thrown = error;
          }
          assert.ok(thrown instanceof errorType, `expected ${errorType.name}, got ${thrown instanceof Error ? thrown.message : String(thrown)}`);
          check?.(thrown);
        },
      };
    },
  };
}

export function foldAll<Body extends JsonObject>(projection: ProjectionDefinition<Body>, events: readonly RecordedEvent[]): Map<string, Body> {
  const documents = new Map<string, Body>();
  for (const event of events) {
    if (!projection.eventTypes.includes(event.type)) continue;
    const id = projection.documentIdOf(event);
    if (id === null) continue;
    const next = projection.evolve(documents.get(id) ?? null, event);
    if (next === null) documents.delete(id);
    else documents.set(id, deepFreeze(next));
  }
  return documents;
}

function deepFreeze<T extends Json>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child as Json);
  }
  return value;
}
