import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CustomerAlreadyRegisteredError, CustomerCommand, customerDecider } from '@cdp/customer';
import { EventMetadataInput, RecordedEvent } from '@cdp/event-model';
import { EventStore, WrongExpectedVersionError } from '@cdp/event-store';
import { openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { EventIdReusedError } from './event-id-reused-error';
import { eventIdsFor } from '@cdp/ingestion';
import { handleCommand } from './handle-command';

const metadata: EventMetadataInput = {
  correlationId: 'corr-1',
  causationId: 'corr-1',
  occurredAt: '2025-03-01T09:30:00.000Z',
  source: { service: 'test' },
  actor: { kind: 'user', id: 'anonymous' },
};
const emailOpened: CustomerCommand = {
  type: 'RecordInteraction',
  data: { customerId: 'c-1', channel: 'email', direction: 'inbound', kind: 'email-opened' },
};
const register: CustomerCommand = { type: 'RegisterCustomer', data: { customerId: 'c-1', partyKind: 'customer' } };

/** The store, with another writer appending to the stream just before each of our first `times` appends. */
function withCompetingWriter(store: EventStore, times: number): EventStore {
  let remaining = times;
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendToStream') {
        return async (...args: Parameters<EventStore['appendToStream']>) => {
          if (remaining-- > 0) {
            await target.appendToStream(args[0], [
              { eventId: randomUUID(), type: 'InteractionRecorded', schemaVersion: 1, data: { channel: 'web', direction: 'inbound', kind: 'page-viewed' }, metadata },
            ]);
          }
          return target.appendToStream(...args);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('handleCommand', () => {
  let dataDir: string;
  let store: EventStore;
  const streamId = 'customer-c-1';

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-handle-command-'));
    store = openEmbeddedEventStore({ dataDir, durability: 'normal' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const handle = (command: CustomerCommand, eventId: string, options: { store?: EventStore; maxAttempts?: number } = {}) =>
    handleCommand({ store: options.store ?? store, streamId, decider: customerDecider, command, eventId, metadata, maxAttempts: options.maxAttempts });

  async function readAll(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) events.push(event);
    return events;
  }

  it('appends the decided events with the command id and metadata', async () => {
    const eventId = randomUUID();
    const handled = await handle(emailOpened, eventId);
    expect(handled).toEqual({ streamId, eventIds: [eventId], revision: 0, position: expect.any(String), replayed: false });
    const [event] = await readAll();
    expect(event).toMatchObject({
      eventId,
      type: 'InteractionRecorded',
      schemaVersion: 1,
      revision: 0,
      data: { channel: 'email', direction: 'inbound', kind: 'email-opened' },
      metadata: { ...metadata, recordedAt: expect.any(String) },
    });
  });

  it('decides on the state folded from the stream', async () => {
    await handle(register, randomUUID());
    await expect(handle(register, randomUUID())).rejects.toBeInstanceOf(CustomerAlreadyRegisteredError);
  });

  it('answers a retry of the same command as the first time, without appending again', async () => {
    const eventId = randomUUID();
    const first = await handle(register, eventId);
    await handle(emailOpened, randomUUID());
    const retry = await handle(register, eventId);
    expect(retry).toEqual({ ...first, replayed: true });
    expect((await readAll()).map((event) => event.eventId)).toHaveLength(2);
  });

  it('rejects an event id reused for different content', async () => {
    const eventId = randomUUID();
    await handle(emailOpened, eventId);
    const other: CustomerCommand = { ...emailOpened, data: { ...emailOpened.data, kind: 'email-clicked' } };
    await expect(handle(other, eventId)).rejects.toBeInstanceOf(EventIdReusedError);
  });

  it('decides again when another writer appended in between', async () => {
    const handled = await handle(emailOpened, randomUUID(), { store: withCompetingWriter(store, 2) });
    expect(handled.revision).toBe(2);
    expect((await readAll()).map((event) => event.data.kind)).toEqual(['page-viewed', 'page-viewed', 'email-opened']);
  });

  it('gives up with WrongExpectedVersionError after the last attempt', async () => {
    await expect(handle(emailOpened, randomUUID(), { store: withCompetingWriter(store, 3), maxAttempts: 3 })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  it('appends nothing when the decider decides nothing', async () => {
    const update: CustomerCommand = { type: 'UpdateCustomerProfile', data: { customerId: 'c-1', profile: { name: 'Ada' } } };
    await handle(update, randomUUID());
    const handled = await handle(update, randomUUID());
    expect(handled).toEqual({ streamId, eventIds: [], revision: 0, position: null, replayed: false });
    expect(await readAll()).toHaveLength(1);
  });
});

describe('eventIdsFor', () => {
  it('uses the command id first and derives the others from it, the same way every time', () => {
    const commandId = randomUUID();
    const ids = eventIdsFor(commandId, 3);
    expect(ids[0]).toBe(commandId);
    expect(new Set(ids).size).toBe(3);
    expect(eventIdsFor(commandId, 3)).toEqual(ids);
  });
});
