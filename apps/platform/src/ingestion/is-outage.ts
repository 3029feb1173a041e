import { EventStoreUnavailableError } from '@cdp/event-store';

// The MongoDB driver's errors for a server it cannot reach (the key store in production).
const unreachableMongo = new Set(['MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError', 'MongoTopologyClosedError']);

/** A store that cannot be reached now: the message is fine, and must wait rather than be dead-lettered. */
export function isOutage(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError || (error instanceof Error && unreachableMongo.has(error.name));
}
