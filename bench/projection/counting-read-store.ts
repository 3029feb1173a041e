import { JsonObject } from '@cdp/event-model';
import { CollectionDefinition, OpenCollectionOptions, ReadCollection, ReadStore, WriteBatch } from '@cdp/read-store';

/** What a projection asked of its collection during a rebuild: the raw ceiling writes as many documents. */
export interface WriteCounts {
  /** Calls of `write`: one per batch the engine folded. */
  batches: number;
  upserts: number;
  deletes: number;
  /** Calls of `getMany`, and the ids they asked for (those the engine's cache did not hold). */
  reads: number;
  idsRead: number;
}

/** `store`, with every collection it hands out counting its writes and batched reads into `counts`. */
export function countingReadStore(store: ReadStore): { store: ReadStore; counts: WriteCounts } {
  const counts: WriteCounts = { batches: 0, upserts: 0, deletes: 0, reads: 0, idsRead: 0 };
  const counting: ReadStore = {
    collection: async <Body extends JsonObject>(definition: CollectionDefinition, options?: OpenCollectionOptions) =>
      countingCollection(await store.collection<Body>(definition, options), counts),
    dropCollection: (name) => store.dropCollection(name),
    listCollections: () => store.listCollections(),
    loadCheckpoint: (projection) => store.loadCheckpoint(projection),
    saveCheckpoint: (checkpoint) => store.saveCheckpoint(checkpoint),
    listCheckpoints: () => store.listCheckpoints(),
    deleteCheckpoint: (projection) => store.deleteCheckpoint(projection),
    close: () => store.close(),
  };
  return { store: counting, counts };
}

function countingCollection<Body extends JsonObject>(collection: ReadCollection<Body>, counts: WriteCounts): ReadCollection<Body> {
  return {
    name: collection.name,
    get: (id) => collection.get(id),
    getMany: (ids) => {
      counts.reads++;
      counts.idsRead += ids.length;
      return collection.getMany(ids);
    },
    write: (batch: WriteBatch<Body>) => {
      counts.batches++;
      counts.upserts += batch.upserts?.length ?? 0;
      counts.deletes += batch.deletes?.length ?? 0;
      return collection.write(batch);
    },
    bulkReplace: (documents) => collection.bulkReplace(documents),
    bulkDelete: (ids) => collection.bulkDelete(ids),
    insertNew: (documents) => collection.insertNew(documents),
    find: (query) => collection.find(query),
    stream: (query) => collection.stream(query),
    count: (where) => collection.count(where),
    countBy: (field, where) => collection.countBy(field, where),
    sumBy: (groupField, sumField, where) => collection.sumBy(groupField, sumField, where),
  };
}
