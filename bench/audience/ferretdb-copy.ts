import { audienceProfilesCollection, segmentMembersCollection, segmentsCollection, suppressionPostingsCollection } from '@cdp/audiences';
import { Condition, CollectionDefinition, ReadDocument, ReadStore } from '@cdp/read-store';

/**
 * Copies into another store what an audience reads (the segment, its member buckets, the campaign's postings) and the
 * first `profiles` profiles (for the full-scan baseline): the FerretDB side computes on the documents the embedded
 * side built, as the workers would have written them.
 */
export async function copyAudienceReadModels(from: ReadStore, to: ReadStore, segmentId: string, postingKeys: readonly string[], profiles: number): Promise<{ documents: number; seconds: number }> {
  const started = performance.now();
  const segment = await (await from.collection(segmentsCollection)).get(segmentId);
  if (!segment) throw new Error(`no segment ${segmentId} in the read models to copy`);
  await (await to.collection(segmentsCollection)).insertNew([segment]);
  let documents = 1;
  documents += await copy(from, to, segmentMembersCollection, [{ field: 'key', op: 'eq', value: segmentId }], 32);
  for (const key of postingKeys) documents += await copy(from, to, suppressionPostingsCollection, [{ field: 'key', op: 'eq', value: key }], 64);
  documents += await copy(from, to, audienceProfilesCollection, [], 1_000, profiles);
  return { documents, seconds: (performance.now() - started) / 1000 };
}

async function copy(from: ReadStore, to: ReadStore, definition: CollectionDefinition, where: Condition[], chunk: number, limit = Number.POSITIVE_INFINITY): Promise<number> {
  const source = await from.collection(definition);
  const target = await to.collection(definition);
  let batch: ReadDocument[] = [];
  let copied = 0;
  for await (const document of source.stream({ where })) {
    batch.push(document);
    copied++;
    if (batch.length === chunk || copied >= limit) {
      await target.insertNew(batch);
      batch = [];
    }
    if (copied >= limit) break;
  }
  if (batch.length > 0) await target.insertNew(batch);
  return copied;
}
