import { ProjectionCheckpoint } from '@cdp/read-store';

/** A checkpoint as stored in `projection_checkpoints`, keyed by the projection. */
export interface CheckpointDocument extends Omit<ProjectionCheckpoint, 'projection'> {
  _id: string;
}

// Fields are copied one by one: the driver would store an `error: undefined` as null.
export function checkpointDocument(checkpoint: ProjectionCheckpoint): CheckpointDocument {
  const { projection, collection, position, state, error, updatedAt, eventsApplied, indexesPending } = checkpoint;
  const document: CheckpointDocument = { _id: projection, position, state, updatedAt, eventsApplied };
  if (collection !== undefined) document.collection = collection;
  if (indexesPending) document.indexesPending = true;
  if (error) {
    const { eventId, eventType, streamId, message, at } = error;
    document.error = { eventId, eventType, streamId, position: error.position, message, at };
  }
  return document;
}

export function checkpointOf(document: CheckpointDocument): ProjectionCheckpoint {
  const { _id, collection, position, state, error, updatedAt, eventsApplied, indexesPending } = document;
  const checkpoint: ProjectionCheckpoint = { projection: _id, position, state, updatedAt, eventsApplied };
  if (collection !== undefined && collection !== null) checkpoint.collection = collection;
  if (indexesPending === true) checkpoint.indexesPending = true;
  if (error) checkpoint.error = error;
  return checkpoint;
}
