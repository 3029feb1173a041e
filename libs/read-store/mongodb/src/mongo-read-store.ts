import { JsonObject } from '@cdp/event-model';
import {
  CollectionDefinition,
  IndexDefinition,
  OpenCollectionOptions,
  ProjectionCheckpoint,
  ReadCollection,
  ReadStore,
  ReadStoreUnavailableError,
} from '@cdp/read-store';
import { Db, IndexDirection, MongoClient, MongoClientOptions, MongoServerError } from 'mongodb';
import { CheckpointDocument, checkpointDocument, checkpointOf } from './checkpoint-document';
import { connectMongo } from './connect-mongo';
import { ensureIndexes, IndexSpec } from './ensure-indexes';
import { fieldOf, StoredDocument } from './mongo-filter';
import { isDuplicateKeyError } from './duplicate-key';
import { MongoReadCollection, Reach, redoLogName } from './mongo-read-collection';
import { checkCollectionDefinition, checkCollectionName } from './read-query-rules';
import { compareCodePoints } from './scalar-order';
import { ServerCapabilities, serverCapabilities } from './server-capabilities';
import { reachMongo } from './unavailable';

export interface MongoReadStoreOptions {
  /** Documents per internal page of `stream`. */
  streamPageSize?: number;
  /** What the server does well; read from `buildInfo` unless given (tests force MongoDB's write path on FerretDB). */
  capabilities?: ServerCapabilities;
}

export interface OpenMongoReadStoreOptions extends MongoReadStoreOptions {
  url: string;
  database: string;
  clientOptions?: MongoClientOptions;
}

/** The collections of the store itself, beside the read models in the same database. */
export const checkpointCollection = 'projection_checkpoints';
export const catalogueCollection = 'read_store_collections';

const namespaceNotFound = 26;

/**
 * Read models in MongoDB or FerretDB 1.x: a collection per read model holding `{ _id, _position, body }`,
 * the checkpoints in `projection_checkpoints`, and the names of the read-model collections in
 * `read_store_collections` (so that listCollections ignores whatever else shares the database).
 */
export class MongoReadStore implements ReadStore {
  private closed = false;
  private readonly streamPageSize: number;
  private capabilities: Promise<ServerCapabilities> | undefined;
  /** The client `close()` closes: only one the store opened itself. */
  private readonly ownClient: MongoClient | undefined;

  constructor(
    private readonly db: Db,
    options: MongoReadStoreOptions & { ownClient?: MongoClient } = {},
  ) {
    this.streamPageSize = options.streamPageSize ?? 1000;
    this.ownClient = options.ownClient;
    if (options.capabilities) this.capabilities = Promise.resolve(options.capabilities);
  }

  private readonly reach: Reach = (call) => {
    if (this.closed) return Promise.reject(new ReadStoreUnavailableError('the MongoDB read store is closed'));
    return reachMongo(call);
  };

  async collection<Body extends JsonObject = JsonObject>(definition: CollectionDefinition, options: OpenCollectionOptions = {}): Promise<ReadCollection<Body>> {
    const { name, indexes: all } = checkCollectionDefinition(definition);
    const indexes = options.deferIndexes ? all.filter((index) => index.unique) : all;
    await this.reach(() => this.catalogue(name));
    await this.reach(() => ensureIndexes(this.db, indexes.map((index) => indexSpec(name, index))));
    this.capabilities ??= this.reach(() => serverCapabilities(this.db));
    const capabilities = await this.capabilities;
    const collection = new MongoReadCollection<Body>(name, this.db.collection<StoredDocument>(name), this.reach, this.streamPageSize, capabilities);
    // Only the writer replays the redo log: before it reads, so that it never decides on a half-applied batch.
    if (options.writer) await collection.recover();
    return collection;
  }

  async dropCollection(name: string): Promise<void> {
    checkCollectionName(name);
    await this.reach(async () => {
      try {
        await this.db.collection(name).drop();
        await this.db.collection(redoLogName(name)).drop().catch(() => undefined);
      } catch (error) {
        // MongoDB before 7.0 refuses to drop what does not exist; dropping is meant to be idempotent.
        if (!(error instanceof MongoServerError && error.code === namespaceNotFound)) throw error;
      }
    });
    await this.reach(() => this.db.collection<{ _id: string }>(catalogueCollection).deleteOne({ _id: name }));
  }

  async listCollections(): Promise<string[]> {
    const entries = await this.reach(() => this.db.collection<{ _id: string }>(catalogueCollection).find().toArray());
    return entries.map((e) => e._id).sort(compareCodePoints);
  }

  async loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    const found = await this.reach(() => this.checkpoints().findOne({ _id: projection }));
    return found ? checkpointOf(found) : null;
  }

  async saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void> {
    const document = checkpointDocument(checkpoint);
    await this.reach(() => this.checkpoints().replaceOne({ _id: document._id }, document, { upsert: true }));
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    const found = await this.reach(() => this.checkpoints().find().toArray());
    return found.map(checkpointOf).sort((a, b) => compareCodePoints(a.projection, b.projection));
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    await this.reach(() => this.checkpoints().deleteOne({ _id: projection }));
  }

  /** Closes the client if the store opened it; a client passed in stays open for its owner. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ownClient?.close();
  }

  /** Lists the collection in the catalogue. Two processes opening it at once may both upsert: the loser finds it there. */
  private async catalogue(name: string): Promise<void> {
    try {
      await this.db.collection<{ _id: string }>(catalogueCollection).updateOne({ _id: name }, { $set: { _id: name } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private checkpoints() {
    return this.db.collection<CheckpointDocument>(checkpointCollection);
  }
}

/**
 * The MongoDB index of a definition, under the definition's name. A non-unique index ends with _id (in the
 * direction of its last field) so that a page sorted on its fields, ties broken by id, reads straight from it.
 */
export function indexSpec(collection: string, index: IndexDefinition): IndexSpec {
  const key: Record<string, IndexDirection> = {};
  for (const { field, direction } of index.fields) key[fieldOf(field)] = direction === 'asc' ? 1 : -1;
  if (!index.unique) key._id = index.fields[index.fields.length - 1].direction === 'asc' ? 1 : -1;
  return { collection, key, name: index.name, unique: index.unique };
}

/** Opens a client of its own, which `close()` closes. Unreachable server: ReadStoreUnavailableError. */
export async function openMongoReadStore(options: OpenMongoReadStoreOptions): Promise<MongoReadStore> {
  const { client, db } = await reachMongo(() => connectMongo(options.url, options.database, options.clientOptions));
  return new MongoReadStore(db, { streamPageSize: options.streamPageSize, capabilities: options.capabilities, ownClient: client });
}

/** A store over a database the caller connected (and closes): `close()` leaves the client open. */
export function createMongoReadStore(db: Db, options: MongoReadStoreOptions = {}): MongoReadStore {
  return new MongoReadStore(db, options);
}
