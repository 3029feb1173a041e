import { AudiencesWorker, MembershipChangeSink, PersonalFieldsOpener } from '@cdp/audiences';
import { PlatformConfig } from '@cdp/config';
import { EventStore } from '@cdp/event-store';
import { kafkaClient, KafkaMembershipChangeSink } from '@cdp/kafka';
import { EngineErrorListener, ProjectionWorker } from '@cdp/projection-engine';
import { PlatformProjections } from '@cdp/read-models';
import { ReadStore } from '@cdp/read-store';
import { PersonalData } from '../personal-data/open-personal-data';
import { personalFieldsOpener } from '../personal-data/personal-fields-opener';
import { ReadModelWorkers } from './read-model-workers';

export interface ReadModelWorkersContext {
  config: Pick<PlatformConfig, 'projections' | 'segments' | 'kafka' | 'serviceName' | 'logLevel'>;
  projections: PlatformProjections;
  stores: { eventStore: EventStore; readStore: ReadStore };
  onError: EngineErrorListener;
}

/** The workers as this process sees them when they run elsewhere (a thread, the projector): their statuses only. */
export function readModelWorkersForStatus(context: ReadModelWorkersContext): ReadModelWorkers {
  return new ReadModelWorkers(projectionWorker(context), audiencesWorker(context, {}));
}

/**
 * The workers to run here (the platform's thread or event loop, the projector, the importer): with the Kafka
 * publisher of membership changes when KAFKA_BROKERS is set, and the cipher for segments on personal fields.
 */
export async function openReadModelWorkers(context: ReadModelWorkersContext, personalData?: PersonalData): Promise<ReadModelWorkers> {
  const { kafka, segments, serviceName, logLevel } = context.config;
  let sink: KafkaMembershipChangeSink | undefined;
  if (kafka) {
    const client = kafkaClient({ brokers: kafka.brokers, clientId: `${serviceName}-audiences`, logLevel });
    sink = await KafkaMembershipChangeSink.open(client, segments.changesTopic, kafka.partitions);
  }
  const opener = personalData ? personalFieldsOpener(personalData.cipher) : undefined;
  return new ReadModelWorkers(projectionWorker(context), audiencesWorker(context, { sink, openPersonalFields: opener }), async () => {
    await sink?.close();
  });
}

function projectionWorker({ config, projections, stores, onError }: ReadModelWorkersContext): ProjectionWorker {
  return new ProjectionWorker({
    ...stores,
    projections: projections.all,
    maxBatchEvents: config.projections.maxBatchEvents,
    maxBatchAgeMs: config.projections.maxBatchWaitMs,
    maxBatchDelayMs: config.projections.batchIdleMs,
    documentCacheSize: config.projections.cachedDocuments,
    onError,
  });
}

function audiencesWorker(
  { config, projections, stores, onError }: ReadModelWorkersContext,
  extras: { sink?: MembershipChangeSink; openPersonalFields?: PersonalFieldsOpener },
): AudiencesWorker {
  return new AudiencesWorker({
    ...stores,
    customer360Collection: projections.customer360.collection,
    customer360Projection: projections.customer360.name,
    segmentRules: { recencyScoreDays: projections.customer360Rules.recencyScoreDays },
    maxBatchEvents: config.projections.maxBatchEvents,
    maxBatchAgeMs: config.projections.maxBatchWaitMs,
    maxBatchDelayMs: config.projections.batchIdleMs,
    dueCheckIntervalMs: config.segments.dueCheckIntervalMs,
    onError,
    ...(extras.sink && { sink: extras.sink }),
    ...(extras.openPersonalFields && { openPersonalFields: extras.openPersonalFields }),
  });
}
