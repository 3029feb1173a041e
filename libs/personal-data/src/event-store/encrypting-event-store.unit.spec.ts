import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { campaignStream, customerStream, erasedMarker, eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { EventStore, SubscriptionMessage } from '@cdp/event-store';
import { EmbeddedEventStore, openEmbeddedEventStore } from '@cdp/event-store-embedded';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { EmbeddedKeyStore, openEmbeddedKeyStore } from '../keys/embedded-key-store';
import { newEvent, profileUpdated } from '../testing/events';
import { EncryptingEventStore } from './encrypting-event-store';

const catalogueDataPaths = (type: string, version: number) => eventCatalogue.personalDataPaths(type, version);

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('EncryptingEventStore', () => {
  let dataDir: string;
  let raw: EmbeddedEventStore;
  let keyStore: EmbeddedKeyStore;
  let cipher: PersonalDataCipher;
  let store: EventStore;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-encrypting-'));
    raw = openEmbeddedEventStore({ dataDir });
    keyStore = await openEmbeddedKeyStore({ dataDir, masterKey: randomBytes(32) });
    cipher = new PersonalDataCipher({ keyStore, personalDataPaths: catalogueDataPaths });
    store = new EncryptingEventStore(raw, { cipher });
  });

  afterEach(async () => {
    await store.close();
    await keyStore.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const customer = () => `c${randomUUID().slice(0, 8)}`;
  const profile = { name: 'Ada Lovelace', email: 'ada.lovelace@example.org', address: { city: 'London', country: 'GB' } };

  it('given an appended profile update, then the store underneath, and its files, hold no plaintext of the personal fields', async () => {
    const id = customer();
    await store.appendToStream(customerStream(id), [profileUpdated(profile)]);

    const [stored] = await collect(raw.readStream(customerStream(id)));
    expect(stored.data).toEqual({
      name: expect.stringMatching(/^pii:v1:1:/),
      email: expect.stringMatching(/^pii:v1:1:/),
      address: { city: expect.stringMatching(/^pii:v1:1:/), country: 'GB' },
    });
    const files = ['events.sqlite', 'events.sqlite-wal'].map((f) => join(dataDir, f)).filter(existsSync);
    const bytes = Buffer.concat(files.map((file) => readFileSync(file)));
    expect(bytes.includes(Buffer.from(id))).toBe(true);
    expect(bytes.includes(Buffer.from('ada.lovelace@example.org'))).toBe(false);
    expect(bytes.includes(Buffer.from('Ada Lovelace'))).toBe(false);

    const [read] = await collect(store.readStream(customerStream(id)));
    expect(read.data).toEqual(profile);
  });

  it('leaves streams of no subject alone: a campaign stream is stored as given', async () => {
    const stream = campaignStream(customer());
    const event = newEvent('InteractionRecorded', { channel: 'email', direction: 'outbound', kind: 'sent', note: 'plain' });
    await store.appendToStream(stream, [event]);
    const [stored] = await collect(raw.readStream(stream));
    expect(stored.data).toEqual(event.data);
  });

  it('given an erased customer, then readStream, readAll and a subscription all show the marker, and other customers are untouched', async () => {
    const [erased, kept] = [customer(), customer()];
    await store.appendToStream(customerStream(erased), [profileUpdated(profile), newEvent('InteractionRecorded', { note: 'asked for a callback' })]);
    await store.appendToStream(customerStream(kept), [profileUpdated(profile)]);

    await cipher.erase(erased);

    const expected = [
      { name: erasedMarker, email: erasedMarker, address: { city: erasedMarker, country: 'GB' } },
      { note: erasedMarker },
    ];
    const fromStream = await collect(store.readStream(customerStream(erased)));
    expect(fromStream.map((e) => e.data)).toEqual(expected);

    const filter = { on: 'streamName' as const, prefixes: [customerStream(erased), customerStream(kept)] };
    const fromAll = await collect(store.readAll({ filter }));
    expect(fromAll.map((e) => e.data)).toEqual([...expected, profile]);

    const subscription = store.subscribeToAll({ filter });
    const messages: SubscriptionMessage[] = [];
    for await (const message of subscription) {
      messages.push(message);
      if (message.kind === 'caughtUp') break;
    }
    await subscription.close();
    const events = messages.flatMap((m) => (m.kind === 'event' ? [m.event.data] : []));
    expect(events).toEqual([...expected, profile]);
    expect(messages.at(-1)).toMatchObject({ kind: 'caughtUp' });
  });

  it('given an erasure, when the customer comes back, then the new event is under generation 2 and readable, the old ones stay erased', async () => {
    const id = customer();
    await store.appendToStream(customerStream(id), [profileUpdated({ email: 'old@example.org' })]);
    await cipher.erase(id);

    await store.appendToStream(customerStream(id), [profileUpdated({ email: 'new@example.org' })]);

    const stored = await collect(raw.readStream(customerStream(id)));
    expect(stored.map((e) => (e.data.email as string).slice(0, 9))).toEqual(['pii:v1:1:', 'pii:v1:2:']);
    const read = await collect(store.readStream(customerStream(id)));
    expect(read.map((e) => e.data.email)).toEqual([erasedMarker, 'new@example.org']);
  });

  it('delivers live events decrypted, and ends the subscription underneath when the consumer leaves its loop', async () => {
    const id = customer();
    const subscription = store.subscribeToAll({ filter: { on: 'streamName', prefixes: [customerStream(id)] } });
    const seen: RecordedEvent[] = [];
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') await store.appendToStream(customerStream(id), [newEvent('InteractionRecorded', { note: 'live' })]);
      if (message.kind === 'event') seen.push(message.event);
      if (seen.length === 1) break;
    }
    expect(seen.map((e) => e.data.note)).toEqual(['live']);
    await expect(subscription[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: true });
  });
});
