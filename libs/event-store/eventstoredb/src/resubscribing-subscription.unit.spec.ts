import { Metadata, status } from '@grpc/grpc-js';
import {
  AccessDeniedError,
  CancelledError,
  InvalidArgumentError,
  StreamDeletedError as ClientStreamDeletedError,
  UnavailableError,
  UnknownError,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, Position, SubscriptionMessage } from '@cdp/event-store';
import type { RecordedEvent } from '@cdp/event-model';
import { NotAnEnvelopeError } from './envelope-codec';
import { isTransientClientError, toPortError } from './error-mapping';
import { ResubscribeOptions, ResubscribingSubscription, SourceMessage, SubscriptionSource } from './resubscribing-subscription';

const at = (n: number): Position => `${String(n).padStart(20, '0')}/${String(n).padStart(20, '0')}`;

/** What the client makes of grpc-js's error when the server resets the HTTP/2 stream. */
function internalError(): Error {
  const details = 'Received RST_STREAM with code 2 (Internal server error)';
  const raw = Object.assign(new Error(`13 INTERNAL: ${details}`), { code: status.INTERNAL, details, metadata: new Metadata() });
  return new UnknownError(raw as never);
}

function event(n: number): SourceMessage {
  return { kind: 'event', event: { eventId: `e${n}`, position: at(n) } as RecordedEvent };
}

type Step = SourceMessage | Error | 'hang';

/** One server subscription that plays its steps, then ends (or hangs until closed). */
class ScriptedSource implements SubscriptionSource {
  closed = false;
  private release: () => void = () => undefined;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly steps: Step[]) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<SourceMessage> {
    for (const step of this.steps) {
      if (this.closed) return;
      if (step === 'hang') {
        await this.released;
        return;
      }
      if (step instanceof Error) throw step;
      yield step;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.release();
  }
}

function subscriptionOver(scripts: Step[][], overrides: Partial<ResubscribeOptions> = {}) {
  const opened: { from: 'start' | Position; source: ScriptedSource }[] = [];
  const drops: { error: unknown; attempt: number }[] = [];
  const waits: number[] = [];
  const subscription = new ResubscribingSubscription({
    fromPosition: 'start',
    open: (from) => {
      const script = scripts[opened.length];
      if (!script) throw new Error(`no script for subscription #${opened.length + 1}`);
      const source = new ScriptedSource(script);
      opened.push({ from, source });
      return source;
    },
    isDrop: isTransientClientError,
    describeError: (error) => toPortError(error),
    onDrop: (error, attempt) => drops.push({ error, attempt }),
    backoff: { initialDelayMs: 100, maxDelayMs: 5_000 },
    wait: async (ms) => {
      waits.push(ms);
    },
    random: () => 1,
    ...overrides,
  });
  return { subscription, opened, drops, waits };
}

async function read(subscription: AsyncIterable<SubscriptionMessage>, count: number): Promise<SubscriptionMessage[]> {
  const messages: SubscriptionMessage[] = [];
  for await (const message of subscription) {
    messages.push(message);
    if (messages.length === count) break;
  }
  return messages;
}

const names = (messages: SubscriptionMessage[]) =>
  messages.map((m) => (m.kind === 'event' ? m.event.eventId : m.kind === 'caughtUp' ? `caughtUp@${m.position}` : `checkpoint@${m.position}`));

describe('a resubscribing subscription', () => {
  it('resubscribes after a drop from the last position it yielded, so nothing is lost or repeated', async () => {
    const { subscription, opened, drops } = subscriptionOver([
      [event(1), event(2), new UnavailableError()],
      [event(3), { kind: 'checkpoint', position: at(7) }, new CancelledError()],
      [event(8), 'hang'],
    ]);
    const messages = await read(subscription, 5);

    expect(names(messages)).toEqual(['e1', 'e2', 'e3', `checkpoint@${at(7)}`, 'e8']);
    expect(opened.map((o) => o.from)).toEqual(['start', at(2), at(7)]);
    expect(drops.map((d) => d.attempt)).toEqual([1, 1]);
    for (const drop of drops) expect(drop.error).toBeInstanceOf(EventStoreUnavailableError);
    expect(opened.every((o) => o.source.closed)).toBe(true);
  });

  it('treats an end it did not ask for as a drop', async () => {
    const { subscription, opened, drops } = subscriptionOver([[event(1)], [event(2), 'hang']]);
    expect(names(await read(subscription, 2))).toEqual(['e1', 'e2']);
    expect(opened.map((o) => o.from)).toEqual(['start', at(1)]);
    expect(drops[0].error).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('backs off exponentially while the server stays away, and starts over once it answers', async () => {
    const down = () => [new UnavailableError()];
    const { subscription, drops, waits } = subscriptionOver([
      down(), down(), down(), down(), down(), down(), down(), down(),
      [event(1), new UnavailableError()],
      [event(2), 'hang'],
    ]);
    expect(names(await read(subscription, 2))).toEqual(['e1', 'e2']);
    expect(drops.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 1]);
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 100]);
  });

  it('sends caughtUp once, with the position it had reached, even when a resubscription catches up again', async () => {
    const { subscription } = subscriptionOver([
      [event(1), { kind: 'caughtUp' }, event(2), new UnavailableError()],
      [{ kind: 'caughtUp' }, event(3), 'hang'],
    ]);
    expect(names(await read(subscription, 4))).toEqual(['e1', `caughtUp@${at(1)}`, 'e2', 'e3']);
  });

  it('reports caughtUp at no position when nothing came before it', async () => {
    const { subscription } = subscriptionOver([[{ kind: 'caughtUp' }, 'hang']]);
    expect(await read(subscription, 1)).toEqual([{ kind: 'caughtUp', position: null }]);
  });

  it('reports caughtUp at the last checkpoint when the filter let no event through', async () => {
    const { subscription } = subscriptionOver([[{ kind: 'checkpoint', position: at(40) }, { kind: 'caughtUp' }, 'hang']]);
    expect(names(await read(subscription, 2))).toEqual([`checkpoint@${at(40)}`, `caughtUp@${at(40)}`]);
  });

  it('reports caughtUp at the position it started from when nothing came after it', async () => {
    const { subscription, opened } = subscriptionOver([[{ kind: 'caughtUp' }, 'hang']], { fromPosition: at(9) });
    expect(names(await read(subscription, 1))).toEqual([`caughtUp@${at(9)}`]);
    expect(opened[0].from).toBe(at(9));
  });

  it.each([
    ['a broken HTTP/2 stream (gRPC INTERNAL)', () => internalError()],
    ['a reset connection', () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a premature close', () => Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })],
  ])('resubscribes after %s, with backoff', async (_name, make) => {
    const { subscription, opened, drops, waits } = subscriptionOver([[event(1), make()], [event(2), 'hang']]);
    expect(names(await read(subscription, 2))).toEqual(['e1', 'e2']);
    expect(opened.map((o) => o.from)).toEqual(['start', at(1)]);
    expect(drops).toHaveLength(1);
    expect(drops[0].error).toBeInstanceOf(EventStoreUnavailableError);
    expect(waits).toEqual([100]);
  });

  it.each([
    ['a deleted stream', () => ClientStreamDeletedError.fromStreamName('customer-1')],
    ['an invalid argument', () => new InvalidArgumentError('fromPosition is invalid')],
    ['an event not in the envelope', () => new NotAnEnvelopeError({ id: 'x', streamId: 'legacy-1', revision: 0n }, undefined, 'no metadata')],
    ['an unknown error that is not a broken stream', () => new UnknownError()],
  ])('ends, without resubscribing, on %s', async (_name, make) => {
    const cause = make();
    const { subscription, opened, drops } = subscriptionOver([[event(1), cause], [event(2), 'hang']]);
    const failure = await read(subscription, 5).catch((error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(EventStoreUnavailableError);
    expect(opened).toHaveLength(1);
    expect(drops).toEqual([]);
  });

  it('skips anything at or before the position it resumed from', async () => {
    const { subscription } = subscriptionOver([[event(1), event(2), new UnavailableError()], [event(2), event(3), 'hang']]);
    expect(names(await read(subscription, 3))).toEqual(['e1', 'e2', 'e3']);
  });

  it('ends with the port error when the failure is not a drop', async () => {
    const denied = new AccessDeniedError();
    const { subscription, drops } = subscriptionOver([[event(1), denied]]);
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const message of subscription) seen.push(names([message])[0]);
    })().catch((error) => error);
    expect(seen).toEqual(['e1']);
    expect(failure).toBe(denied);
    expect(drops).toEqual([]);
  });

  it('stops when closed, also while it waits to resubscribe', async () => {
    let closeNow: () => Promise<void> = async () => undefined;
    const { subscription, opened } = subscriptionOver([[event(1), new UnavailableError()]], {
      wait: async () => closeNow(),
    });
    closeNow = () => subscription.close();
    expect(names(await read(subscription, 10))).toEqual(['e1']);
    expect(opened).toHaveLength(1);
  });

  it('ends the iteration of a consumer waiting for the next message when closed', async () => {
    const { subscription, opened } = subscriptionOver([[event(1), 'hang']]);
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await iterator.next()).toMatchObject({ value: { kind: 'event' } });
    const waiting = iterator.next();
    await subscription.close();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(opened[0].source.closed).toBe(true);
  });

  it('closes itself when the consumer leaves the loop', async () => {
    const onClose = jest.fn();
    const { subscription, opened } = subscriptionOver([[event(1), event(2), 'hang']], { onClose });
    await read(subscription, 1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(opened[0].source.closed).toBe(true);
  });
});
