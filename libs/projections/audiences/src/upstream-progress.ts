import { Position, ReadStore } from '@cdp/read-store';

/**
 * Whether the projection the worker reads (the 360° view) has applied every event up to a position: the worker
 * then reads facts at least as new as the events it folds. A failed projection will not move: its documents are
 * read as they are.
 */
export async function upstreamHasApplied(readStore: ReadStore, projection: string, target: Position): Promise<boolean> {
  const checkpoint = await readStore.loadCheckpoint(projection);
  if (checkpoint === null) return false;
  return checkpoint.state === 'failed' || (checkpoint.position !== null && checkpoint.position >= target);
}
