import { ProjectionCheckpoint } from '@cdp/read-store';

/** A checkpoint as stored: its fields only, so that nothing a caller attached is persisted by accident. */
export function checkpointJson(checkpoint: ProjectionCheckpoint): string {
  const { projection, collection, position, state, error, updatedAt, eventsApplied, indexesPending } = checkpoint;
  const stored: ProjectionCheckpoint = { projection, ...(collection === undefined ? {} : { collection }), position, state, updatedAt, eventsApplied };
  if (indexesPending) stored.indexesPending = true;
  if (error) {
    const { eventId, eventType, streamId, position: at, message } = error;
    stored.error = { eventId, eventType, streamId, position: at, message, at: error.at };
  }
  return JSON.stringify(stored);
}
