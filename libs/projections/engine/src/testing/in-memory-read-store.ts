import { JsonObject } from '@cdp/event-model';
import {
  CollectionDefinition,
  Condition,
  FieldPath,
  FindQuery,
  GroupCount,
  GroupSum,
  OpenCollectionOptions,
  Page,
  ProjectionCheckpoint,
  ReadCollection,
  ReadDocument,
  ReadStore,
  ReadStoreUnavailableError,
  WriteBatch,
  DocumentExistsError,
} from '@cdp/read-store';

/** The data behind in-memory read stores: several handles may share it, as processes share a database. */
export class InMemoryReadData {
  readonly collections = new Map<string, Map<string, ReadDocument>>();
  readonly checkpoints = new Map<string, ProjectionCheckpoint>();
  /** The collections whose indexes were asked for (a collection opened with deferIndexes has none yet). */
  readonly indexed = new Set<string>();
}

const collectionName = /^[a-z][a-z0-9_]*$/;

/**
 * A read store in memory, for unit tests of projections and of the engine. Documents, the position guard and
 * checkpoints behave as the port says; queries are left to the real adapters. Everything is copied in and out,
 * so a caller that mutates what it wrote or read cannot go unnoticed.
 */
export class InMemoryReadStore implements ReadStore {
  private closed = false;
  private outage = false;

  constructor(readonly data: InMemoryReadData = new InMemoryReadData()) {}

  /** While on, every call fails with ReadStoreUnavailableError, as when the database is unreachable. */
  simulateOutage(on: boolean): void {
    this.outage = on;
  }

  async collection<Body extends JsonObject = JsonObject>(definition: CollectionDefinition, options: OpenCollectionOptions = {}): Promise<ReadCollection<Body>> {
    this.available();
    if (!collectionName.test(definition.name)) throw new Error(`invalid collection name "${definition.name}"`);
    if (!this.data.collections.has(definition.name)) this.data.collections.set(definition.name, new Map());
    if (!options.deferIndexes) this.data.indexed.add(definition.name);
    return new InMemoryCollection<Body>(definition.name, this.data, () => this.available());
  }

  async dropCollection(name: string): Promise<void> {
    this.available();
    this.data.collections.delete(name);
    this.data.indexed.delete(name);
  }

  async listCollections(): Promise<string[]> {
    this.available();
    return [...this.data.collections.keys()].sort();
  }

  async loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    this.available();
    const checkpoint = this.data.checkpoints.get(projection);
    return checkpoint ? structuredClone(checkpoint) : null;
  }

  async saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void> {
    this.available();
    this.data.checkpoints.set(checkpoint.projection, structuredClone(checkpoint));
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    this.available();
    return [...this.data.checkpoints.values()].map((checkpoint) => structuredClone(checkpoint));
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    this.available();
    this.data.checkpoints.delete(projection);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Every document of a collection, by id: what a test compares. */
  documents(collection: string): ReadDocument[] {
    const documents = this.data.collections.get(collection);
    if (!documents) return [];
    return [...documents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((d) => structuredClone(d));
  }

  private available(): void {
    if (this.closed) throw new ReadStoreUnavailableError('the read store is closed');
    if (this.outage) throw new ReadStoreUnavailableError('the read store is unreachable (simulated outage)');
  }
}

class InMemoryCollection<Body extends JsonObject> implements ReadCollection<Body> {
  constructor(
    readonly name: string,
    private readonly data: InMemoryReadData,
    private readonly available: () => void,
  ) {}

  async get(id: string): Promise<ReadDocument<Body> | null> {
    const document = this.documents().get(id);
    return document ? structuredClone(document) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, ReadDocument<Body>>> {
    const documents = this.documents();
    const found = new Map<string, ReadDocument<Body>>();
    for (const id of ids) {
      const document = documents.get(id);
      if (document) found.set(id, structuredClone(document));
    }
    return found;
  }

  async write(batch: WriteBatch<Body>): Promise<void> {
    const documents = this.documents();
    for (const upsert of batch.upserts ?? []) {
      const stored = documents.get(upsert.id);
      if (!stored || upsert.position > stored.position) documents.set(upsert.id, structuredClone(upsert));
    }
    for (const remove of batch.deletes ?? []) {
      const stored = documents.get(remove.id);
      if (stored && remove.position > stored.position) documents.delete(remove.id);
    }
  }

  async bulkReplace(replacements: readonly ReadDocument<Body>[]): Promise<void> {
    const documents = this.documents();
    for (const document of replacements) documents.set(document.id, structuredClone(document));
  }

  async insertNew(inserted: readonly ReadDocument<Body>[]): Promise<void> {
    const documents = this.documents();
    for (const document of inserted) {
      if (documents.has(document.id)) throw new DocumentExistsError(this.name);
      documents.set(document.id, structuredClone(document));
    }
  }

  async bulkDelete(ids: readonly string[]): Promise<void> {
    const documents = this.documents();
    for (const id of ids) documents.delete(id);
  }

  async find(_query: FindQuery): Promise<Page<Body>> {
    return this.notSupported('find');
  }

  stream(_query: Omit<FindQuery, 'limit' | 'after'>): AsyncIterable<ReadDocument<Body>> {
    return this.notSupported('stream');
  }

  async count(_where?: readonly Condition[]): Promise<number> {
    return this.notSupported('count');
  }

  async countBy(_field: FieldPath, _where?: readonly Condition[]): Promise<GroupCount[]> {
    return this.notSupported('countBy');
  }

  async sumBy(_groupField: FieldPath, _sumField: FieldPath, _where?: readonly Condition[]): Promise<GroupSum[]> {
    return this.notSupported('sumBy');
  }

  private notSupported(method: string): never {
    this.available();
    throw new Error(`${method} is not supported by the test double: use a real read store adapter`);
  }

  private documents(): Map<string, ReadDocument<Body>> {
    this.available();
    const documents = this.data.collections.get(this.name);
    // A dropped collection reads as empty and is created again by the next write, as in a database.
    if (documents) return documents as Map<string, ReadDocument<Body>>;
    const created = new Map<string, ReadDocument<Body>>();
    this.data.collections.set(this.name, created as Map<string, ReadDocument>);
    return created;
  }
}
