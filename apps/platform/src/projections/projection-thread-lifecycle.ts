import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PlatformConfig } from '@cdp/config';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PLATFORM_CONFIG } from '../platform-config.token';
import { FromProjectionThread, ProjectionThreadData, ToProjectionThread } from './projection-thread-messages';

/** The thread's heap cap, as the platform's own (`npm start`): its caches are sized for it. */
const threadHeapMb = 192;
const stopTimeoutMs = 30_000;
const restartDelaysMs = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Runs the projection worker in a worker thread (PROJECTIONS=thread, the default): started once the app is wired,
 * stopped before the stores close, its batch in flight written and checkpointed. A thread that dies is started again
 * after a delay, from the checkpoints; until then GET /v1/projections shows the state it saved and its lag growing.
 */
@Injectable()
export class ProjectionThreadLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly data: ProjectionThreadData;
  private thread?: Worker;
  private stopping = false;
  private restarts = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    const { eventStore, readStore, personalData, projections, segments, kafka, serviceName, logLevel } = config;
    this.data = { eventStore, readStore, personalData, projections, segments, kafka, serviceName, logLevel };
  }

  /** Resolves once the thread's worker has started; rejects, and so stops start-up, when the thread cannot start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.spawn();
    this.logger.log('projection worker started (in a worker thread)');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const thread = this.thread;
    if (!thread) return;
    const exited = new Promise<void>((done) => thread.once('exit', () => done()));
    thread.postMessage({ kind: 'stop' } satisfies ToProjectionThread);
    const timer = setTimeout(() => {
      this.logger.error(`the projection thread did not stop within ${stopTimeoutMs / 1000} s; terminated (it resumes from its last checkpoint)`);
      void thread.terminate();
    }, stopTimeoutMs);
    await exited;
    clearTimeout(timer);
    this.logger.log('projection worker stopped');
  }

  private spawn(): Promise<void> {
    const thread = new Worker(join(__dirname, 'projection-thread.js'), {
      workerData: this.data,
      resourceLimits: { maxOldGenerationSizeMb: threadHeapMb },
    });
    this.thread = thread;
    return new Promise<void>((started, failed) => {
      let running = false;
      thread.on('message', (message: FromProjectionThread) => {
        if (message.kind === 'started') {
          running = true;
          this.restarts = 0;
          started();
        } else if (message.kind === 'stopped') {
          // Stores closed, checkpoints saved: nothing left in the thread worth waiting for.
          void thread.terminate();
        } else if (message.kind === 'error') {
          const { projection, context, error } = message;
          this.logger.error({ err: error, projection, ...context }, `projection ${projection} hit an error`);
        }
      });
      thread.on('error', (error) => {
        this.logger.error({ err: error }, 'the projection thread failed');
        if (!running) failed(error);
      });
      thread.on('exit', (code) => {
        if (this.thread === thread) this.thread = undefined;
        if (!running) failed(new Error(`the projection thread exited (code ${code}) before its worker started`));
        if (running && !this.stopping) this.restartLater(code);
      });
    });
  }

  private restartLater(code: number): void {
    const delay = restartDelaysMs[Math.min(this.restarts, restartDelaysMs.length - 1)];
    this.restarts += 1;
    this.logger.error(`the projection thread exited (code ${code}); starting it again in ${delay / 1000} s, from its checkpoints`);
    this.restartTimer = setTimeout(() => {
      this.spawn().catch((error: unknown) => {
        this.logger.error({ err: error }, 'the projection thread could not start again');
        if (!this.stopping) this.restartLater(1);
      });
    }, delay);
  }
}
