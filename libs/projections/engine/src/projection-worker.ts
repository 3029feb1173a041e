import { Position } from '@cdp/event-store';
import { engineSettings, EngineSettings, ProjectionEngineOptions } from './engine-options';
import { ProjectionDefinition } from './projection-definition';
import { ProjectionRunner } from './projection-runner';
import { ProjectionStatus } from './projection-status';

export interface ProjectionWorkerOptions extends ProjectionEngineOptions {
  projections: readonly ProjectionDefinition[];
}

export class UnknownProjectionError extends Error {
  readonly code = 'unknown-projection';
  constructor(
    readonly projection: string,
    known: readonly string[],
  ) {
    super(`no projection named "${projection}"; this worker runs: ${known.join(', ')}`);
  }
}

/**
 * Runs several projections side by side, each with its own subscription, checkpoint and status:
 * one that fails on an event stops alone while the others go on.
 */
export class ProjectionWorker {
  private readonly settings: EngineSettings;
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(options: ProjectionWorkerOptions) {
    this.settings = engineSettings(options);
    const collections = new Set<string>();
    for (const projection of options.projections) {
      if (this.runners.has(projection.name)) throw new Error(`projection "${projection.name}" is registered twice`);
      // Two projections writing one collection would each trust documents the other changes.
      if (collections.has(projection.collection.name)) {
        throw new Error(`collection "${projection.collection.name}" is written by two projections; each needs its own`);
      }
      collections.add(projection.collection.name);
      this.runners.set(projection.name, new ProjectionRunner(projection, this.settings));
    }
  }

  get projectionNames(): string[] {
    return [...this.runners.keys()];
  }

  /**
   * Starts every projection from its checkpoint (a failed one stays failed until `retry`) and returns at once:
   * catching up goes on in the background (see `statuses` and `waitUntilCaughtUp`).
   */
  async start(): Promise<void> {
    for (const runner of this.runners.values()) runner.start();
  }

  /** Each projection writes the batch in hand and saves its checkpoint as stopped. Idempotent. */
  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** Clears the failure of `name` and starts it again from its checkpoint, the poison event first. */
  retry(name: string): Promise<void> {
    return this.runner(name).retry();
  }

  /** Drops the collection and the checkpoint of `name` and rebuilds it from the first event. */
  reset(name: string): Promise<void> {
    return this.runner(name).reset();
  }

  async statuses(): Promise<ProjectionStatus[]> {
    const head = await this.headPosition();
    return Promise.all([...this.runners.values()].map((runner) => runner.status(head)));
  }

  async status(name: string): Promise<ProjectionStatus> {
    const runner = this.runner(name);
    return runner.status(await this.headPosition());
  }

  /**
   * Resolves once every projection has applied and saved every event of its types up to `position`
   * (default: the head of the store now). A failed projection counts as settled: it will not move.
   */
  async waitUntilCaughtUp(position?: Position | null, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<void> {
    const target = position ?? (await this.settings.eventStore.headPosition());
    if (target === null) return;
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    let waiting = [...this.runners.values()];
    for (;;) {
      const applied = await Promise.all(waiting.map((runner) => runner.hasApplied(target).catch(() => false)));
      waiting = waiting.filter((_, i) => !applied[i]);
      if (waiting.length === 0) return;
      if (Date.now() >= deadline) {
        throw new Error(`projections not caught up to ${target} in time: ${waiting.map((runner) => runner.name).join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 10));
    }
  }

  private runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new UnknownProjectionError(name, this.projectionNames);
    return runner;
  }

  /** The head of the event store now; null when it is empty or cannot be asked. */
  async headPosition(): Promise<Position | null> {
    return this.settings.eventStore.headPosition().catch(() => null);
  }
}
