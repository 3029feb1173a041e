import { JsonObject } from '@cdp/event-model';
import { CollectionDefinition, ReadCollection } from './read-collection';
import { ProjectionCheckpoint } from './projection-checkpoint';

/** Where read models live: documents in collections, and the checkpoints of the projections that write them. */
export interface ReadStore {
  /** Creates the collection and its indexes when missing: safe at every start-up. */
  collection<Body extends JsonObject = JsonObject>(definition: CollectionDefinition): Promise<ReadCollection<Body>>;
  dropCollection(name: string): Promise<void>;
  listCollections(): Promise<string[]>;
  loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | null>;
  saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void>;
  listCheckpoints(): Promise<ProjectionCheckpoint[]>;
  deleteCheckpoint(projection: string): Promise<void>;
  close(): Promise<void>;
}
