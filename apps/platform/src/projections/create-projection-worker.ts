import { ProjectionsConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { EngineErrorListener, ProjectionWorker } from '@cdp/projection-engine';
import { PlatformProjections } from '@cdp/read-models';
import { ReadStore } from '@cdp/read-store';

/** The platform's projection worker, wherever it runs: this event loop, a worker thread, the projector process. */
export function createProjectionWorker(
  config: ProjectionsConfig,
  projections: PlatformProjections,
  stores: { eventStore: EventStore; readStore: ReadStore },
  onError: EngineErrorListener,
): ProjectionWorker {
  return new ProjectionWorker({
    ...stores,
    projections: projections.all,
    maxBatchEvents: config.maxBatchEvents,
    maxBatchAgeMs: config.maxBatchWaitMs,
    maxBatchDelayMs: config.batchIdleMs,
    documentCacheSize: config.cachedDocuments,
    onError,
  });
}
