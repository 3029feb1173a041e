import { convertToCommandError, isCommandError } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  ExpectedRevision,
  InvalidEventStoreArgumentError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { fromClientCurrentRevision } from './revision-mapping';

/** What the adapter knows about the call that failed: errors are described from our input, not the wire. */
export interface FailedCall {
  streamId?: string;
  expectedRevision?: ExpectedRevision;
  /** Bytes of the append as measured before sending. */
  appendSize?: number;
}

// not-leader is transient too: the client routes the next call to the leader it was told about.
const transientTypes = new Set(['unavailable', 'cancelled', 'deadline-exceeded', 'timeout', 'not-leader']);

/** True for errors a retry (or a resubscription) can get past. */
export function isTransientClientError(error: unknown): boolean {
  const commandError = asCommandError(error);
  return commandError !== undefined && transientTypes.has(commandError.type);
}

/** The port's typed error for a client error; anything the port has no word for is returned unchanged. */
export function toPortError(error: unknown, call: FailedCall = {}): unknown {
  const commandError = asCommandError(error);
  if (!commandError) return error;
  const streamId = call.streamId ?? streamNameOf(commandError);
  switch (commandError.type) {
    case 'wrong-expected-version':
      return new WrongExpectedVersionError(
        streamId,
        call.expectedRevision ?? 'any',
        fromClientCurrentRevision(commandError.actualVersion),
      );
    case 'stream-not-found':
      return new StreamNotFoundError(streamId);
    case 'stream-deleted':
      return new StreamDeletedError(streamId);
    case 'maximum-append-size-exceeded':
      return new MaxAppendSizeExceededError(streamId, call.appendSize ?? 0, commandError.maxAppendSize);
    case 'invalid-argument':
      return new InvalidEventStoreArgumentError(commandError.message, { cause: commandError });
    default:
      if (transientTypes.has(commandError.type)) {
        return new EventStoreUnavailableError(
          `EventStoreDB is unavailable (${commandError.type}): ${commandError.message}`,
          { cause: commandError },
        );
      }
      return error;
  }
}

function asCommandError(error: unknown) {
  if (!(error instanceof Error)) return undefined;
  // Raw gRPC errors (e.g. from a stream that failed before the client wrapped it) carry the same information.
  const converted = convertToCommandError(error);
  return isCommandError(converted) ? converted : undefined;
}

function streamNameOf(error: object): string {
  return 'streamName' in error && typeof error.streamName === 'string' ? error.streamName : '';
}
