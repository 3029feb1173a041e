import { Position } from './read-document';

export const projectionStates = ['catching-up', 'running', 'stopped', 'failed'] as const;
export type ProjectionState = (typeof projectionStates)[number];

/** The event a projection could not fold, and why: it stays stopped on it until an operator acts. */
export interface ProjectionFailure {
  eventId: string;
  eventType: string;
  streamId: string;
  position: Position;
  message: string;
  at: string;
}

export interface ProjectionCheckpoint {
  projection: string;
  /**
   * The collection the position was reached in. Another collection under the same projection (another version,
   * other fold-time rules) starts from the first event. Absent in checkpoints saved before it was recorded.
   */
  collection?: string;
  /** The last event folded and written, or null before the first. */
  position: Position | null;
  state: ProjectionState;
  error?: ProjectionFailure;
  updatedAt: string;
  /** Since the projection started from the first event. */
  eventsApplied: number;
  /** True while the collection is built from the first event without its secondary indexes (made once it caught up). */
  indexesPending?: boolean;
}
