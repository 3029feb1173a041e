import { JsonObject } from '@cdp/event-model';
import { CollectionDefinition, OpenCollectionOptions, ProjectionCheckpoint, ReadCollection, ReadStore, WriteBatch } from '@cdp/read-store';

/** What a process sees of its own death: nothing it does after this reaches the store. */
export class SimulatedCrashError extends Error {
  readonly code = 'simulated-crash';
  constructor() {
    super('simulated crash: this process is dead for the read store');
  }
}

/**
 * Wraps a read store and "kills the process" after `writes` writes, counting each document upserted or deleted
 * and each checkpoint saved. A batch that crosses the limit is cut where it crosses it (the port promises no
 * atomicity across documents). After the crash every call fails, reads included, as if the process were gone;
 * a test then starts a fresh worker on the inner store, as a restarted process would.
 */
export class CrashingReadStore implements ReadStore {
  private writesLeft: number;
  private writesDone = 0;
  private dead = false;

  constructor(
    private readonly inner: ReadStore,
    writes: number,
  ) {
    this.writesLeft = writes;
  }

  get crashed(): boolean {
    return this.dead;
  }

  /** Documents and checkpoints written so far. */
  get writes(): number {
    return this.writesDone;
  }

  async collection<Body extends JsonObject = JsonObject>(definition: CollectionDefinition, options?: OpenCollectionOptions): Promise<ReadCollection<Body>> {
    this.alive();
    const inner = await this.inner.collection<Body>(definition, options);
    this.alive();
    const write = async (batch: WriteBatch<Body>) => {
      this.alive();
      const upserts = [...(batch.upserts ?? [])];
      const deletes = [...(batch.deletes ?? [])];
      const allowed = Math.min(this.writesLeft, upserts.length + deletes.length);
      this.writesLeft -= allowed;
      this.writesDone += allowed;
      const part = { upserts: upserts.slice(0, allowed), deletes: deletes.slice(0, Math.max(0, allowed - upserts.length)) };
      if (part.upserts.length + part.deletes.length > 0) await inner.write(part);
      if (allowed < upserts.length + deletes.length) this.die();
    };
    const alive = () => this.alive();
    return {
      name: inner.name,
      async get(id) {
        alive();
        return inner.get(id);
      },
      async getMany(ids) {
        alive();
        return inner.getMany(ids);
      },
      write,
      async bulkReplace(documents) {
        alive();
        return inner.bulkReplace(documents);
      },
      async insertNew(documents) {
        alive();
        return inner.insertNew(documents);
      },
      async bulkDelete(ids) {
        alive();
        return inner.bulkDelete(ids);
      },
      async find(query) {
        alive();
        return inner.find(query);
      },
      stream(query) {
        alive();
        return inner.stream(query);
      },
      async count(where) {
        alive();
        return inner.count(where);
      },
      async countBy(field, where) {
        alive();
        return inner.countBy(field, where);
      },
      async sumBy(groupField, sumField, where) {
        alive();
        return inner.sumBy(groupField, sumField, where);
      },
    };
  }

  async dropCollection(name: string): Promise<void> {
    this.spend();
    await this.inner.dropCollection(name);
  }

  async listCollections(): Promise<string[]> {
    this.alive();
    return this.inner.listCollections();
  }

  async loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    this.alive();
    return this.inner.loadCheckpoint(projection);
  }

  async saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void> {
    this.spend();
    await this.inner.saveCheckpoint(checkpoint);
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    this.alive();
    return this.inner.listCheckpoints();
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    this.spend();
    await this.inner.deleteCheckpoint(projection);
  }

  async close(): Promise<void> {
    // The inner store outlives this "process": the restarted one uses it.
  }

  private spend(): void {
    this.alive();
    if (this.writesLeft === 0) this.die();
    this.writesLeft--;
    this.writesDone++;
  }

  private alive(): void {
    if (this.dead) throw new SimulatedCrashError();
  }

  private die(): never {
    this.dead = true;
    throw new SimulatedCrashError();
  }
}
