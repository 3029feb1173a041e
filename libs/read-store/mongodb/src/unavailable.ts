import { ReadStoreUnavailableError } from '@cdp/read-store';
import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { MongoUnavailableError } from './connect-mongo';

/** Errors that say the server cannot be reached (or the client is closed): a retry later may succeed. */
export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoServerClosedError ||
    error instanceof MongoUnavailableError
  );
}

/** Runs a call to the server; an unreachable server becomes ReadStoreUnavailableError, anything else is rethrown. */
export async function reachMongo<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error)) {
      throw new ReadStoreUnavailableError(`the MongoDB read store is unreachable: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  }
}
