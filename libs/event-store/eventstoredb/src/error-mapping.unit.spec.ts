import { Metadata, status } from '@grpc/grpc-js';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError as ClientInvalidArgumentError,
  MaxAppendSizeExceededError as ClientMaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import {
  EventStoreUnavailableError,
  InvalidEventStoreArgumentError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { NotAnEnvelopeError } from './envelope-codec';
import { isTransientClientError, toPortError } from './error-mapping';

/** An error as grpc-js raises it, with EventStoreDB's metadata. */
function serviceError(code: status, details: string, metadata: Record<string, string>): Error {
  const grpcMetadata = new Metadata();
  for (const [key, value] of Object.entries(metadata)) grpcMetadata.set(key, value);
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: grpcMetadata });
}

describe('client errors as port errors', () => {
  describe('wrong expected version', () => {
    it('on the batch append path, with no stream: described from our own expectation', () => {
      const details = new WrongExpectedVersion().setCurrentNoStream(new Empty()).setExpectedStreamPosition('3');
      const error = toPortError(ClientWrongExpectedVersionError.fromWrongExpectedVersion(details, 'orders-1'), {
        streamId: 'orders-1',
        expectedRevision: 3,
      });
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: 'orders-1', expected: 3, actual: 'no_stream' });
    });

    it('on the batch append path, with a stream at a revision', () => {
      const details = new WrongExpectedVersion().setCurrentStreamRevision('5').setExpectedNoStream(new Empty());
      const error = toPortError(ClientWrongExpectedVersionError.fromWrongExpectedVersion(details, 'orders-1'), {
        streamId: 'orders-1',
        expectedRevision: 'no_stream',
      });
      expect(error).toMatchObject({ expected: 'no_stream', actual: 5 });
    });

    it('on the unary path, where no stream is a missing actual-version and expected arrives as a raw number', () => {
      const raw = serviceError(status.FAILED_PRECONDITION, 'Append failed due to WrongExpectedVersion.', {
        exception: 'wrong-expected-version',
        'stream-name': 'orders-1',
        'expected-version': '18446744073709551615',
      });
      const error = toPortError(new ClientWrongExpectedVersionError(raw as never), {
        streamId: 'orders-1',
        expectedRevision: 'no_stream',
      });
      expect(error).toMatchObject({ streamId: 'orders-1', expected: 'no_stream', actual: 'no_stream' });
    });

    it('on delete, where the actual revision is a raw signed long (-1 for no stream)', () => {
      const raw = serviceError(status.FAILED_PRECONDITION, 'Delete failed due to WrongExpectedVersion.', {
        exception: 'wrong-expected-version',
        'stream-name': 'orders-1',
        'expected-version': '4',
        'actual-version': '-1',
      });
      // A raw gRPC error (not yet wrapped by the client) is recognised too.
      expect(toPortError(raw, { streamId: 'orders-1', expectedRevision: 4 })).toMatchObject({ expected: 4, actual: 'no_stream' });
      const atTwo = new ClientWrongExpectedVersionError(undefined, { streamName: 'orders-1', expected: 4n, current: 2n });
      expect(toPortError(atTwo, { streamId: 'orders-1', expectedRevision: 4 })).toMatchObject({ expected: 4, actual: 2 });
    });
  });

  it('stream not found and stream deleted name our stream, not the metastream the client may report', () => {
    const notFound = toPortError(new ClientStreamNotFoundError(undefined, '$$orders-1'), { streamId: 'orders-1' });
    expect(notFound).toBeInstanceOf(StreamNotFoundError);
    expect(notFound).toMatchObject({ streamId: 'orders-1', code: 'stream-not-found' });
    const deleted = toPortError(ClientStreamDeletedError.fromStreamName('$$orders-1'), { streamId: 'orders-1' });
    expect(deleted).toBeInstanceOf(StreamDeletedError);
    expect(deleted).toMatchObject({ streamId: 'orders-1' });
  });

  it('falls back to the stream the client names when the call has none', () => {
    expect(toPortError(new ClientStreamNotFoundError(undefined, 'orders-2'))).toMatchObject({ streamId: 'orders-2' });
  });

  it('maximum append size carries our measured size and the server limit', () => {
    const error = toPortError(ClientMaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), {
      streamId: 'orders-1',
      appendSize: 1_200_000,
    });
    expect(error).toBeInstanceOf(MaxAppendSizeExceededError);
    expect(error).toMatchObject({ streamId: 'orders-1', size: 1_200_000, maxAppendSize: 1_048_576 });
  });

  it.each([
    ['unavailable', () => new UnavailableError()],
    ['cancelled', () => new CancelledError()],
    ['deadline exceeded', () => new DeadlineExceededError()],
    ['timeout', () => new TimeoutError()],
    ['not leader', () => new NotLeaderError(serviceError(status.NOT_FOUND, 'Leader info available', {
      exception: 'not-leader', 'leader-endpoint-host': '10.0.0.2', 'leader-endpoint-port': '2113',
    }) as never)],
  ])('%s is "unavailable": retry with backoff, keeping the cause', (_name, make) => {
    const cause = make();
    const error = toPortError(cause);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).cause).toBe(cause);
    expect(isTransientClientError(cause)).toBe(true);
  });

  it('a raw UNAVAILABLE from grpc-js is unavailable too', () => {
    const raw = serviceError(status.UNAVAILABLE, 'No connection established', {});
    expect(toPortError(raw)).toBeInstanceOf(EventStoreUnavailableError);
    expect(isTransientClientError(raw)).toBe(true);
  });

  it('a broken HTTP/2 stream (gRPC INTERNAL, which the client calls unknown) is unavailable', () => {
    const raw = serviceError(status.INTERNAL, 'Received RST_STREAM with code 2 (Internal server error)', {});
    const wrapped = new UnknownError(raw as never);
    for (const error of [raw, wrapped]) {
      expect(isTransientClientError(error)).toBe(true);
      const mapped = toPortError(error);
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as Error).message).toContain('(internal)');
    }
  });

  it.each([
    ['ECONNRESET', () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' })],
    ['EPIPE', () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['premature close', () => Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })],
    ['an HTTP/2 stream error', () => Object.assign(new Error('Stream closed with error code NGHTTP2_REFUSED_STREAM'), { code: 'ERR_HTTP2_STREAM_ERROR' })],
  ])('a connection or stream error from Node (%s) is unavailable', (_name, make) => {
    const cause = make();
    expect(isTransientClientError(cause)).toBe(true);
    const mapped = toPortError(cause);
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as Error).cause).toBe(cause);
  });

  it.each([
    ['stream deleted', () => ClientStreamDeletedError.fromStreamName('orders-1')],
    ['access denied', () => new AccessDeniedError()],
    ['invalid argument', () => new ClientInvalidArgumentError('bad')],
    ['an unknown error that is not a broken stream', () => new UnknownError(serviceError(status.UNKNOWN, 'Exception was thrown by handler', {}) as never)],
    ['an event not in the envelope', () => new NotAnEnvelopeError({ id: 'e', streamId: 'legacy-1', revision: 0n }, undefined, 'no metadata')],
    ['a port error', () => new InvalidEventStoreArgumentError('bad position')],
    ['a bug', () => new TypeError('cannot read properties of undefined')],
    ['a Node error that is not about the connection', () => Object.assign(new TypeError('bad arg'), { code: 'ERR_INVALID_ARG_TYPE' })],
  ])('%s is not transient: a retry cannot get past it', (_name, make) => {
    expect(isTransientClientError(make())).toBe(false);
  });

  describe('on writes, a timeout or a lost connection leaves the outcome unknown', () => {
    it.each([
      ['timeout', () => new TimeoutError()],
      ['deadline-exceeded', () => new DeadlineExceededError()],
    ])('an append that timed out (%s) may have been written: retry with the same ids and revision', (kind, make) => {
      const mapped = toPortError(make(), { streamId: 'orders-1', expectedRevision: 3, write: 'append' });
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      const { message } = mapped as Error;
      expect(message).toContain(`did not confirm the append of orders-1 in time (${kind})`);
      expect(message).toContain('outcome unknown');
      expect(message).toContain('the same event ids and the same expectedRevision');
    });

    it('a delete or tombstone too, and a connection lost during a write', () => {
      const deleted = toPortError(new DeadlineExceededError(), { streamId: 'orders-1', write: 'delete' }) as Error;
      expect(deleted.message).toMatch(/^EventStoreDB did not confirm the delete of orders-1 in time .*outcome unknown/);
      const tombstoned = toPortError(new TimeoutError(), { streamId: 'orders-1', write: 'tombstone' }) as Error;
      expect(tombstoned.message).toContain('outcome unknown');
      const dropped = toPortError(new UnavailableError(), { streamId: 'orders-1', write: 'append' }) as Error;
      expect(dropped).toBeInstanceOf(EventStoreUnavailableError);
      expect(dropped.message).toContain('became unavailable during the append of orders-1 (unavailable): outcome unknown');
    });

    it('but not when a follower refused the write, nor for a read', () => {
      const notLeader = new NotLeaderError(
        serviceError(status.NOT_FOUND, 'Leader info available', {
          exception: 'not-leader',
          'leader-endpoint-host': '10.0.0.2',
          'leader-endpoint-port': '2113',
        }) as never,
      );
      expect((toPortError(notLeader, { streamId: 'orders-1', write: 'append' }) as Error).message).not.toContain('outcome unknown');
      expect((toPortError(new TimeoutError(), { streamId: 'orders-1' }) as Error).message).not.toContain('outcome unknown');
    });
  });

  it('an argument the client refuses is an invalid argument', () => {
    const cause = new ClientInvalidArgumentError('fromRevision value must be a non-negative integer.');
    const error = toPortError(cause);
    expect(error).toBeInstanceOf(InvalidEventStoreArgumentError);
    expect(error).toMatchObject({ message: cause.message, cause });
  });

  it('passes on what the port has no word for', () => {
    const denied = new AccessDeniedError();
    const unknown = new UnknownError();
    const plain = new Error('boom');
    expect(toPortError(denied)).toBe(denied);
    expect(toPortError(unknown)).toBe(unknown);
    expect(toPortError(plain)).toBe(plain);
    expect(toPortError('not an error')).toBe('not an error');
    expect(isTransientClientError(denied)).toBe(false);
    expect(isTransientClientError(plain)).toBe(false);
  });
});
