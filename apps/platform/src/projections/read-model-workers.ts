import { AudiencesWorker } from '@cdp/audiences';
import { Position } from '@cdp/event-store';
import { ProjectionStatus, ProjectionWorker } from '@cdp/projection-engine';

/**
 * Everything that folds the event store into read models: the projections, and the audiences worker, which reads
 * the 360° view they write. Started and stopped together, wherever they run (a thread, this event loop, the
 * projector process); elsewhere their statuses are the checkpoints they saved.
 */
export class ReadModelWorkers {
  constructor(
    readonly projections: ProjectionWorker,
    readonly audiences: AudiencesWorker,
    private readonly release: () => Promise<void> = async () => undefined,
  ) {}

  async start(): Promise<void> {
    await this.projections.start();
    this.audiences.start();
  }

  /** The audiences worker first: it waits on the 360° view, which must still move while it finishes its batch. */
  async stop(): Promise<void> {
    await this.audiences.stop();
    await this.projections.stop();
    await this.release();
  }

  async statuses(): Promise<ProjectionStatus[]> {
    const [projections, audiences] = await Promise.all([this.projections.statuses(), this.audiences.status()]);
    return [...projections, audiences];
  }

  /** Resolves once every read model has applied every event up to `position` (default: the head now). */
  async waitUntilCaughtUp(position?: Position | null, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    await this.projections.waitUntilCaughtUp(position, options);
    const target = position ?? (await this.projections.headPosition());
    while (!(await this.audiences.isSettled(target))) {
      if (Date.now() >= deadline) throw new Error(`read models not caught up to ${target} in time: audiences`);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 10));
    }
  }
}
