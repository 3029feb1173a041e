import { EventStoreConfig, ProjectionsConfig, ReadStoreConfig } from '@cdp/config';
import { EngineErrorContext } from '@cdp/projection-engine';

/** What the projection thread is started with: the stores to open (its own connections) and the worker's settings. */
export interface ProjectionThreadData {
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
  projections: ProjectionsConfig;
}

export type ToProjectionThread = { kind: 'stop' };

export type FromProjectionThread =
  | { kind: 'started' }
  | { kind: 'error'; projection: string; context: EngineErrorContext; error: { name: string; message: string; stack?: string } }
  | { kind: 'stopped' };
