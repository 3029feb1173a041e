import { eventCatalogue, JsonObject, RecordedEvent } from '@cdp/event-model';
import { Position, WriteBatch } from '@cdp/read-store';
import { ProjectionDefinition } from './projection-definition';

/**
 * A document as the fold sees it. `position` is the last event folded into it: events at or before it are
 * already in the body (the guard that makes re-delivery a no-op). An absent document has no body; its position
 * is null, or the position of the delete when this runner removed it itself.
 */
export interface DocumentState<Body extends JsonObject = JsonObject> {
  position: Position | null;
  body: Body | null;
}

export const absentDocument: DocumentState<never> = Object.freeze({ position: null, body: null });

/** An event and the document it changes (null: none). */
export interface RoutedEvent {
  event: RecordedEvent;
  documentId: string | null;
}

/** The first event of a batch the projection could not handle, at `index` in the batch. */
export interface PoisonEvent {
  event: RecordedEvent;
  index: number;
  error: unknown;
}

export interface RoutedBatch {
  /** The events before the poison (all of them when there is none), upcast, in log order. */
  routed: RoutedEvent[];
  poison?: PoisonEvent;
}

/** Upcasts each event to the current version of its type and asks the projection which document it changes. */
export function routeEvents(projection: ProjectionDefinition, events: readonly RecordedEvent[]): RoutedBatch {
  const routed: RoutedEvent[] = [];
  for (let index = 0; index < events.length; index++) {
    try {
      const event = eventCatalogue.upcast(events[index]);
      const documentId = projection.documentIdOf(event);
      if (documentId !== null && (typeof documentId !== 'string' || documentId === '')) {
        throw new Error(`documentIdOf returned ${JSON.stringify(documentId)}; expected a non-empty string or null`);
      }
      routed.push({ event, documentId });
    } catch (error) {
      return { routed, poison: { event: events[index], index, error } };
    }
  }
  return { routed };
}

export interface FoldedBatch<Body extends JsonObject = JsonObject> {
  /** Each document at least one event changed, after the last event folded into it (body null: deleted). */
  changed: Map<string, { position: Position; body: Body | null }>;
  poison?: PoisonEvent;
}

/**
 * Folds the routed events in log order onto the documents as they were before the batch. An event at or before
 * a document's position is skipped: it is already in the body. Stops at the first event evolve throws on.
 */
export function foldEvents<Body extends JsonObject>(
  projection: ProjectionDefinition<Body>,
  routed: readonly RoutedEvent[],
  before: ReadonlyMap<string, DocumentState<Body>>,
): FoldedBatch<Body> {
  const changed = new Map<string, { position: Position; body: Body | null }>();
  for (let index = 0; index < routed.length; index++) {
    const { event, documentId } = routed[index];
    if (documentId === null) continue;
    const current = changed.get(documentId) ?? before.get(documentId) ?? absentDocument;
    if (current.position !== null && event.position <= current.position) continue;
    let body: Body | null;
    try {
      body = projection.evolve(current.body, event);
      if (body === undefined) throw new Error('evolve returned undefined; return null to delete the document');
    } catch (error) {
      return { changed, poison: { event, index, error } };
    }
    changed.set(documentId, { position: event.position, body });
  }
  return { changed };
}

/**
 * The write that stores the folded documents: an upsert per document with a body, a delete per document that
 * existed and no longer does. A document that neither existed nor survived the batch needs no write.
 */
export function planWrite<Body extends JsonObject>(
  changed: ReadonlyMap<string, { position: Position; body: Body | null }>,
  before: ReadonlyMap<string, DocumentState<Body>>,
): Required<WriteBatch<Body>> {
  const upserts: { id: string; position: Position; body: Body }[] = [];
  const deletes: { id: string; position: Position }[] = [];
  for (const [id, { position, body }] of changed) {
    if (body !== null) upserts.push({ id, position, body });
    else if ((before.get(id) ?? absentDocument).body !== null) deletes.push({ id, position });
  }
  return { upserts, deletes };
}

/**
 * Where the checkpoint goes when the batch stops at a poison event: just before it, so that the event is the
 * first one read again after a retry. `examined` is how far the subscription said it had looked.
 */
export function positionBeforePoison(
  events: readonly RecordedEvent[],
  poison: PoisonEvent,
  saved: Position | null,
  examined: Position | null,
): Position | null {
  const lastHandled = poison.index > 0 ? events[poison.index - 1].position : saved;
  if (examined !== null && examined < poison.event.position && (lastHandled === null || examined > lastHandled)) return examined;
  return lastHandled;
}
