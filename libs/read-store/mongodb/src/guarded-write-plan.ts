import { JsonObject } from '@cdp/event-model';
import { Position, ReadDocument, WriteBatch } from '@cdp/read-store';
import { AnyBulkWriteOperation } from 'mongodb';
import { StoredDocument } from './mongo-filter';

type Change = { kind: 'upsert'; document: ReadDocument } | { kind: 'delete'; id: string; position: Position };

/**
 * What a batch does to each id: the change of the highest position (an upsert wins a tie with a delete, the
 * first upsert a tie with another), which is what applying the batch in order under position guards leaves.
 */
export function netChanges<Body extends JsonObject>(batch: WriteBatch<Body>): Map<string, Change> {
  const changes = new Map<string, Change>();
  for (const document of batch.upserts ?? []) {
    const current = changes.get(document.id);
    if (!current || document.position > positionOf(current)) changes.set(document.id, { kind: 'upsert', document });
  }
  for (const { id, position } of batch.deletes ?? []) {
    const current = changes.get(id);
    if (!current || position > positionOf(current)) changes.set(id, { kind: 'delete', id, position });
  }
  return changes;
}

/**
 * The writes left once the stored positions are known: none for a change that is not newer. Each write
 * still carries the position guard in its filter, so a concurrent writer that got ahead is never overwritten:
 * the upsert then fails with a duplicate key on _id, and the batch is planned again.
 */
export function guardedWrites(
  changes: Map<string, Change>,
  stored: Map<string, Position>,
  { atomicGuard }: { atomicGuard: boolean } = { atomicGuard: true },
): AnyBulkWriteOperation<StoredDocument>[] {
  const writes: AnyBulkWriteOperation<StoredDocument>[] = [];
  for (const [id, change] of changes) {
    const storedPosition = stored.get(id);
    const position = positionOf(change);
    if (storedPosition !== undefined && storedPosition >= position) continue;
    // Without the atomic guard (FerretDB), the filter is the _id alone, which its index serves: the guard is then the
    // positions read just before, enough for the one writer per projection that the engine runs.
    const filter = atomicGuard ? { _id: id, _position: { $lt: position } } : { _id: id };
    if (change.kind === 'upsert') {
      // Nothing stored: a plain insert, which needs no filter (FerretDB 1.x scans the collection for one).
      // Had another writer inserted meanwhile, the insert fails on _id and the batch is planned again.
      const document = storedDocument(change.document);
      writes.push(storedPosition === undefined ? { insertOne: { document } } : { replaceOne: { filter, replacement: document, upsert: atomicGuard } });
    } else if (storedPosition !== undefined) {
      writes.push({ deleteOne: { filter } });
    }
  }
  return writes;
}

export function storedDocument(document: ReadDocument): StoredDocument {
  return { _id: document.id, _position: document.position, body: document.body };
}

function positionOf(change: Change): Position {
  return change.kind === 'upsert' ? change.document.position : change.position;
}
