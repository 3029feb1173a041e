// Test doubles at the gRPC edge: real client code (its Subscription stream, its event conversion,
// its error classes) runs on top of these, so the tests exercise our use of the client, not a copy of it.
import { PassThrough } from 'node:stream';
import { Metadata, status } from '@grpc/grpc-js';
import { BACKWARDS, END, START } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  Direction,
  Filter,
  Position as ClientPosition,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
  StreamingRead,
} from '@eventstore/db-client';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { NewEvent } from '@cdp/event-model';
import { encodeMetadata } from '../envelope-codec';

export interface StoredRecord {
  event: NewEvent;
  streamId: string;
  revision: bigint;
  /** gRPC-written events have commit == prepare == their log position. */
  logPosition: bigint;
  created: Date;
  /** The metadata as stored, when another writer wrote the event without the envelope's. */
  foreignMetadata?: string;
}

/** What the server sends for one event, as EventStoreDB encodes it on the wire. */
export function eventResponse(record: StoredRecord): ReadResp {
  const grpcRecord = new ReadResp.ReadEvent.RecordedEvent();
  grpcRecord.setId(new UUID().setString(record.event.eventId.toUpperCase()));
  grpcRecord.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamId)));
  grpcRecord.setStreamRevision(record.revision.toString());
  grpcRecord.setCommitPosition(record.logPosition.toString());
  grpcRecord.setPreparePosition(record.logPosition.toString());
  grpcRecord
    .getMetadataMap()
    .set('type', record.event.type)
    .set('content-type', 'application/json')
    // .NET ticks (100 ns) since the Unix epoch.
    .set('created', (BigInt(record.created.getTime()) * 10_000n).toString());
  grpcRecord.setCustomMetadata(Buffer.from(record.foreignMetadata ?? JSON.stringify(encodeMetadata(record.event))));
  grpcRecord.setData(Buffer.from(JSON.stringify(record.event.data)));
  const readEvent = new ReadResp.ReadEvent().setEvent(grpcRecord).setCommitPosition(record.logPosition.toString());
  return new ReadResp().setEvent(readEvent);
}

export function caughtUpResponse(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function checkpointResponse(logPosition: bigint): ReadResp {
  const checkpoint = new ReadResp.Checkpoint()
    .setCommitPosition(logPosition.toString())
    .setPreparePosition(logPosition.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

/** The error grpc-js raises when the server goes away mid-stream. */
export function unavailableServiceError(): Error {
  return Object.assign(new Error('14 UNAVAILABLE: Connection dropped'), {
    code: status.UNAVAILABLE,
    details: 'Connection dropped',
    metadata: new Metadata(),
  });
}

/** A server-streaming gRPC call: the test writes responses into it, ends it, or fails it. */
export class FakeServerCall extends PassThrough {
  cancelled = false;
  constructor() {
    super({ objectMode: true });
  }
  send(...responses: ReadResp[]): this {
    for (const response of responses) this.write(response);
    return this;
  }
  fail(error: Error): void {
    this.emit('error', error);
  }
  /** What grpc-js does on cancel(): the call ends (its "Cancelled on client" error is filtered by the client). */
  cancel(): void {
    this.cancelled = true;
    this.end();
  }
}

export interface SubscribeCall {
  fromPosition: ReadPosition | undefined;
  filter: Filter | undefined;
  highWaterMark: number | undefined;
  call: FakeServerCall;
}

/** A client whose subscribeToAll builds the real client Subscription over fake server calls. */
export function fakeSubscribingClient(nextCall: (request: Omit<SubscribeCall, 'call'>) => FakeServerCall) {
  const calls: SubscribeCall[] = [];
  const client = {
    subscribeToAll(
      options: { fromPosition?: ReadPosition; filter?: Filter } = {},
      readableOptions: { highWaterMark?: number } = {},
    ): AllStreamSubscription {
      const request = { fromPosition: options.fromPosition, filter: options.filter, highWaterMark: readableOptions.highWaterMark };
      const call = nextCall(request);
      calls.push({ ...request, call });
      const subscription = new Subscription(
        // The client's types want a grpc-js ClientReadableStream; the Subscription only pipes it and cancels it.
        async () => call as never,
        convertGrpcEvent,
        readableOptions,
        options.filter?.checkpointReached,
      );
      return subscription as unknown as AllStreamSubscription;
    },
  };
  return { client, calls };
}

export function position(logPosition: bigint): ClientPosition {
  return { commit: logPosition, prepare: logPosition };
}

export interface ReadRequest {
  target: string;
  from: ReadRevision | ReadPosition;
  direction: Direction;
  maxCount: number;
}

const tombstoneRevision = 2n ** 63n - 1n;

function before(a: bigint, b: ClientPosition): boolean {
  return a < b.commit;
}

/**
 * A client whose reads run the real client ReadStream over an in-memory log, answering as the
 * server does: stream reads inclusive both ways, with StreamNotFound for a stream without events;
 * $all forwards inclusive of the start position, backwards exclusive of it. Records `hidden`
 * accepts are left out of stream reads but stay in $all, as maxCount, truncateBefore and a soft
 * delete leave them until a scavenge.
 */
export function fakeReadingClient(log: readonly StoredRecord[], hidden: (record: StoredRecord) => boolean = () => false) {
  const requests: ReadRequest[] = [];
  const calls: FakeServerCall[] = [];
  const serve = (responses: ReadResp[]): StreamingRead<never> => {
    const call = new FakeServerCall();
    calls.push(call);
    const read = new ReadStream(async () => call as never, convertGrpcEvent as never, {});
    // The call's status (which ends it) arrives after its messages, as on the wire.
    setImmediate(() => {
      call.send(...responses);
      setImmediate(() => {
        if (!call.destroyed) call.end();
      });
    });
    return read as unknown as StreamingRead<never>;
  };
  const client = {
    readStream(
      streamId: string,
      options: { fromRevision?: ReadRevision; direction?: Direction; maxCount?: number | bigint } = {},
    ): StreamingRead<ResolvedEvent> {
      const from = options.fromRevision ?? START;
      const direction = options.direction ?? 'forwards';
      const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      requests.push({ target: streamId, from, direction, maxCount });
      const stream = log.filter(
        (record) => record.streamId === streamId && record.revision !== tombstoneRevision && !hidden(record),
      );
      if (stream.length === 0) {
        const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamId)));
        return serve([new ReadResp().setStreamNotFound(notFound)]);
      }
      // END is past the last revision: nothing forwards, everything backwards.
      const fromRevision = from === START ? 0n : from === END ? tombstoneRevision : from;
      const selected =
        direction === BACKWARDS
          ? stream.filter((record) => record.revision <= fromRevision).reverse()
          : stream.filter((record) => record.revision >= fromRevision);
      return serve(selected.slice(0, maxCount).map(eventResponse));
    },
    readAll(
      options: { fromPosition?: ReadPosition; direction?: Direction; maxCount?: number | bigint } = {},
    ): StreamingRead<AllStreamResolvedEvent> {
      const from = options.fromPosition ?? START;
      const direction = options.direction ?? 'forwards';
      const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      requests.push({ target: '$all', from, direction, maxCount });
      let selected: StoredRecord[];
      if (direction === BACKWARDS) {
        const older = from === END || from === START ? [...log] : log.filter((record) => before(record.logPosition, from));
        selected = from === START ? [] : older.reverse();
      } else {
        selected = from === START ? [...log] : from === END ? [] : log.filter((record) => !before(record.logPosition, from));
      }
      return serve(selected.slice(0, maxCount).map(eventResponse));
    },
  };
  return { client, requests, calls };
}
