import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { READ_MODEL_WORKERS } from './projection-tokens';
import { ReadModelWorkers } from './read-model-workers';

/**
 * Starts the worker once the app is wired, and stops it before the stores close: the batch in flight is
 * written and its checkpoint saved, so a restart resumes exactly there.
 */
@Injectable()
export class ProjectionWorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(@Inject(READ_MODEL_WORKERS) private readonly worker: ReadModelWorkers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start();
    this.logger.log('projection worker started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    this.logger.log('projection worker stopped');
  }
}
