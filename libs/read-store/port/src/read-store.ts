import { JsonObject } from '@cdp/event-model';
import { CollectionDefinition, ReadCollection } from './read-collection';
import { ProjectionCheckpoint } from './projection-checkpoint';

export interface OpenCollectionOptions {
  /**
   * Creates only the unique indexes, leaving the others for a later call without this option: a collection built
   * from the first event writes several times faster without them, and indexing it once at the end costs less
   * than keeping every index up to date on every write. Queries still give the same answers meanwhile, slower.
   */
  deferIndexes?: boolean;
  /**
   * The caller is the collection's one writer. A store whose writes are not atomic per batch (FerretDB) then finishes
   * a batch an earlier writer left half applied, before anything is read; a reader never does (it could undo a batch
   * the writer is applying).
   */
  writer?: boolean;
}

/** Where read models live: documents in collections, and the checkpoints of the projections that write them. */
export interface ReadStore {
  /** Creates the collection and its indexes when missing: safe at every start-up. */
  collection<Body extends JsonObject = JsonObject>(definition: CollectionDefinition, options?: OpenCollectionOptions): Promise<ReadCollection<Body>>;
  dropCollection(name: string): Promise<void>;
  listCollections(): Promise<string[]>;
  loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | null>;
  saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void>;
  listCheckpoints(): Promise<ProjectionCheckpoint[]>;
  deleteCheckpoint(projection: string): Promise<void>;
  close(): Promise<void>;
}
