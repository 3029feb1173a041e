import { PlatformConfig } from '@cdp/config';
import { EngineErrorContext } from '@cdp/projection-engine';

/** What the projection thread is started with: the stores to open (its own connections) and the workers' settings. */
export type ProjectionThreadData = Pick<
  PlatformConfig,
  'eventStore' | 'readStore' | 'personalData' | 'projections' | 'segments' | 'kafka' | 'serviceName' | 'logLevel'
>;

export type ToProjectionThread = { kind: 'stop' };

export type FromProjectionThread =
  | { kind: 'started' }
  | { kind: 'error'; projection: string; context: EngineErrorContext; error: { name: string; message: string; stack?: string } }
  | { kind: 'stopped' };
