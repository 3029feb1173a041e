import {
  CurrentRevision,
  ExpectedRevision,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { streamState } from './schema';

export interface StreamFacts {
  state: number;
  /** -1 when the stream has no event. */
  lastRevision: number;
}

const noStream: StreamFacts = { state: streamState.live, lastRevision: -1 };

/** EventStoreDB's optimistic concurrency rules, soft-deleted streams included. Throws when the append must not happen. */
export function checkExpectedRevision(streamId: string, facts: StreamFacts = noStream, expected: ExpectedRevision): void {
  const { state, lastRevision } = facts;
  if (state === streamState.tombstoned) throw new StreamDeletedError(streamId);
  const actual: CurrentRevision = lastRevision < 0 ? 'no_stream' : lastRevision;
  const softDeleted = state === streamState.softDeleted;
  switch (expected) {
    case 'any':
      return;
    case 'no_stream':
      if (lastRevision >= 0 && !softDeleted) throw new WrongExpectedVersionError(streamId, expected, actual);
      return;
    case 'stream_exists':
      if (softDeleted) throw new StreamDeletedError(streamId);
      if (lastRevision < 0) throw new WrongExpectedVersionError(streamId, expected, actual);
      return;
    default:
      if (expected !== lastRevision) throw new WrongExpectedVersionError(streamId, expected, actual);
  }
}

export type RetryMatch =
  | { kind: 'new' }
  | { kind: 'retry'; lastRevision: number; lastPosition: number }
  | { kind: 'conflict' };

/**
 * Whether a batch was already written: all its ids found, in order, at consecutive revisions, is a retry.
 * Some found is neither a retry nor a new batch: EventStoreDB calls it corrupted idempotency and refuses it.
 */
export function matchRetry(batchIds: readonly Buffer[], found: readonly [revision: number, eventId: Buffer, position: number][]): RetryMatch {
  if (found.length === 0) return { kind: 'new' };
  if (found.length !== batchIds.length) return { kind: 'conflict' };
  for (let i = 0; i < found.length; i++) {
    const [revision, eventId] = found[i];
    if (!eventId.equals(batchIds[i]) || (i > 0 && revision !== found[i - 1][0] + 1)) return { kind: 'conflict' };
  }
  const [lastRevision, , lastPosition] = found[found.length - 1];
  return { kind: 'retry', lastRevision, lastPosition };
}
