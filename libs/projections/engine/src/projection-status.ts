import { Position, ProjectionFailure, ProjectionState } from '@cdp/read-store';
import { ProjectionLag } from './projection-lag';

/** A projection as an operator sees it. */
export interface ProjectionStatus {
  name: string;
  version: number;
  collection: string;
  /** `catching-up` also while it retries after a store failure (see `lastError`). */
  state: ProjectionState;
  /** Its checkpoint: the last event applied and saved, null before the first. */
  position: Position | null;
  /** Events of its types up to its checkpoint, since it started from scratch. */
  eventsApplied: number;
  /** Built from the first event, its collection has no secondary index yet: searches scan until it has caught up. */
  indexesPending: boolean;
  /** Events applied per second, over the last ten seconds. */
  ratePerSecond: number;
  /** Null when the event store cannot be asked. */
  lag: ProjectionLag | null;
  /** The position of the last event in the store, null when it is empty or cannot be asked. */
  headPosition: Position | null;
  /** When `failed`: the event it stopped on and why. */
  error?: ProjectionFailure;
  /** The last store failure it is retrying after, until it makes progress again. */
  lastError?: { message: string; at: string };
  /** Retries since its last progress. */
  retries: number;
  /** When its checkpoint was last saved. */
  updatedAt: string | null;
}
