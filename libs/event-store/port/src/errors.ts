import { CurrentRevision, describeRevision, ExpectedRevision } from './expected-revision';

/** Every event store error has a stable code, for logs, metrics and HTTP problem types. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'wrong-expected-version';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: CurrentRevision,
  ) {
    super(`${streamId}: expected ${describeRevision(expected)} but the stream is at ${describeRevision(actual)}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'stream-not-found';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
  }
}

/** The stream was tombstoned (hard-deleted) and can never be read or written again. */
export class StreamDeletedError extends EventStoreError {
  readonly code = 'stream-deleted';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} is deleted`);
  }
}

export class MaxAppendSizeExceededError extends EventStoreError {
  readonly code = 'max-append-size-exceeded';
  constructor(readonly streamId: string, readonly size: number, readonly maxAppendSize: number) {
    super(`append to ${streamId} is ${size} bytes; the limit is ${maxAppendSize} bytes: split it into smaller batches`);
  }
}

/** The call itself is wrong (empty batch, bad revision, bad position): retrying will not help. */
export class InvalidEventStoreArgumentError extends EventStoreError {
  readonly code = 'invalid-argument';
}

/**
 * The store cannot be reached or is shutting down: retry with backoff.
 * On an append or a delete the outcome is unknown (the write may have landed): retry with the
 * same event ids AND the same expected revision, which both stores answer idempotently.
 */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'event-store-unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
