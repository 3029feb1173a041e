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
  /** Set for calls that write: if they break off, what they wrote is unknown. */
  write?: 'append' | 'delete' | 'tombstone' | 'metadata';
}

// not-leader is transient too: the client routes the next call to the leader it was told about.
const transientTypes = new Set(['unavailable', 'cancelled', 'deadline-exceeded', 'timeout', 'not-leader']);
const timeoutTypes = new Set(['deadline-exceeded', 'timeout']);

// gRPC INTERNAL: the HTTP/2 stream broke under the call (e.g. "Received RST_STREAM with code 2").
// The client has no class for it and calls it unknown.
const grpcInternal = 13;

// Node's errors for a connection or a stream that broke under the client, outside gRPC's statuses.
const connectionErrnos = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

/**
 * True for errors a retry (or a resubscription) can get past: the transient client errors, a broken
 * HTTP/2 stream, and Node's connection and stream errors. Everything else (stream deleted, access
 * denied, invalid argument, an event not in our envelope, a bug) says something a retry cannot change.
 */
export function isTransientClientError(error: unknown): boolean {
  return transientKind(error) !== undefined;
}

/** The port's typed error for a client error; anything the port has no word for is returned unchanged. */
export function toPortError(error: unknown, call: FailedCall = {}): unknown {
  const commandError = asCommandError(error);
  if (!commandError) {
    const kind = transientKind(error);
    return kind ? unavailable(kind, error as Error, call) : error;
  }
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
    default: {
      const kind = transientKind(commandError);
      return kind ? unavailable(kind, commandError, call) : error;
    }
  }
}

/** The client's error type, 'internal' or the Node error code when the error is transient; else undefined. */
function transientKind(error: unknown): string | undefined {
  const commandError = asCommandError(error);
  if (commandError) {
    if (transientTypes.has(commandError.type)) return commandError.type;
    return commandError.type === 'unknown' && commandError.code === grpcInternal ? 'internal' : undefined;
  }
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  const { code } = error;
  return connectionErrnos.has(code) || code.startsWith('ERR_STREAM_') || code.startsWith('ERR_HTTP2_') ? code : undefined;
}

const retryAdvice: Record<NonNullable<FailedCall['write']>, string> = {
  append: 'retry with the same event ids and the same expectedRevision',
  delete: 'retry with the same expectedRevision',
  tombstone: 'retry with the same expectedRevision (StreamDeletedError then means it was)',
  metadata: 'setting the same metadata again is safe',
};

/**
 * A write that timed out or lost its connection may have been committed all the same: the message
 * says so, and how to retry without writing twice. A not-leader refusal wrote nothing.
 */
function unavailable(kind: string, cause: Error, call: FailedCall): EventStoreUnavailableError {
  if (!call.write || kind === 'not-leader') {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable (${kind}): ${cause.message}`, { cause });
  }
  const what = `${call.write === 'metadata' ? 'metadata write' : call.write}${call.streamId ? ` of ${call.streamId}` : ''}`;
  const happened = timeoutTypes.has(kind)
    ? `EventStoreDB did not confirm the ${what} in time (${kind})`
    : `EventStoreDB became unavailable during the ${what} (${kind})`;
  return new EventStoreUnavailableError(
    `${happened}: outcome unknown, it may have been written; ${retryAdvice[call.write]}. Cause: ${cause.message}`,
    { cause },
  );
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
