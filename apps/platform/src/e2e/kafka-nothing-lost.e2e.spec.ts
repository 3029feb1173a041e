import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import { committedCount, createTestTopics, dropTestTopics, endCount, headerText, produce, readWholeTopic, TestTopics } from './kafka-topics';
import { waitUntil } from './wait-until';
import { freshDataDir, removeDataDir, RunningPlatform, startPlatform } from './platform-process';
import { storedEvents } from './stored-events';

// 10,000 messages on the real broker: 9,000 valid, 500 poison (six kinds), 500 producer retries
// of valid ones. Afterwards appended + dead-lettered must equal produced − duplicates, exactly.

const customers = 300;
const validCount = 9_000;
const maxMessageBytes = 4_096;
const poisonKinds = [
  { code: 'invalid-json', count: 100 },
  { code: 'schema-violation', count: 100 },
  { code: 'unknown-event-type', count: 100 },
  { code: 'unknown-schema-version', count: 50 },
  { code: 'payload-too-large', count: 50 },
  { code: 'unknown-identifier', count: 100 },
] as const;
const poisonCount = poisonKinds.reduce((sum, kind) => sum + kind.count, 0);
const duplicateCount = 500;

interface Produced {
  message: Message & { key: string; value: string };
  customerId: string;
  occurredAt?: string;
}

function validMessage(index: number): Produced {
  const customerId = `c-${index % customers}`;
  const occurredAt = new Date(Date.UTC(2025, 0, 1) + index * 1_000).toISOString();
  const productId = `p-${index % 17}`;
  const bodies: Record<string, unknown>[] = [
    { type: 'InteractionRecorded', data: { channel: 'web', direction: 'inbound', kind: 'page-viewed', productId } },
    { type: 'OrderPlaced', data: { orderId: `o-${index}`, lines: [{ productId, sku: productId.toUpperCase(), quantity: 2, unitPrice: 9.95, currency: 'EUR' }] } },
    { type: 'ReturnRequested', data: { returnId: `r-${index}`, orderId: `o-${index - 1}`, productId, quantity: 1, reason: 'damaged', channel: 'store' } },
    { type: 'ComplaintOpened', data: { complaintId: `k-${index}`, channel: 'phone', category: 'delivery', severity: 'medium', description: 'The parcel came late' } },
    { type: 'ConsentGranted', data: { channel: 'email', purpose: 'marketing', source: 'web-form' } },
    { type: 'PaymentCaptured', data: { paymentId: `pay-${index}`, orderId: `o-${index}`, amount: 19.9, currency: 'EUR', method: 'card' } },
  ];
  // Half carry the producer's event id; the other half get one from their Kafka coordinates.
  const envelope = { ...bodies[index % bodies.length], customerId, occurredAt, ...(index % 2 === 0 ? { eventId: randomUUID() } : {}) };
  return { message: { key: customerId, value: JSON.stringify(envelope) }, customerId, occurredAt };
}

function poisonMessage(code: (typeof poisonKinds)[number]['code'], index: number): Produced {
  const customerId = `c-${index % customers}`;
  const occurredAt = '2025-02-01T00:00:00Z';
  const correlationId = `poison-${code}-${index}`;
  const values: Record<typeof code, () => string> = {
    'invalid-json': () => `{"type":"InteractionRecorded","correlationId":"${correlationId}",`,
    'schema-violation': () => JSON.stringify({ type: 'InteractionRecorded', customerId, correlationId, occurredAt, data: { channel: 'fax', direction: 'inbound', kind: 'sent' } }),
    'unknown-event-type': () => JSON.stringify({ type: 'CustomerTeleported', customerId, correlationId, occurredAt, data: {} }),
    'unknown-schema-version': () => JSON.stringify({ type: 'OrderPlaced', schemaVersion: 9, customerId, correlationId, occurredAt, data: {} }),
    'payload-too-large': () =>
      JSON.stringify({
        type: 'OrderPlaced',
        customerId,
        occurredAt,
        data: { orderId: `big-${index}`, lines: Array.from({ length: 80 }, (_, n) => ({ productId: `p-${n}`, sku: `P-${n}`, quantity: 1, unitPrice: 1, currency: 'EUR' })) },
      }),
    'unknown-identifier': () =>
      JSON.stringify({ type: 'InteractionRecorded', identifier: { kind: 'email', value: `nobody-${index}@example.org` }, occurredAt, data: { channel: 'email', direction: 'outbound', kind: 'email-sent' } }),
  };
  return { message: { key: customerId, value: values[code](), headers: { 'poison-kind': code } }, customerId };
}

/** Valid messages, with poison and producer retries spread among them, each customer's in order. */
function messagesToProduce(): { all: Produced[]; valid: Produced[] } {
  const valid = Array.from({ length: validCount }, (_, index) => validMessage(index));
  const poison = poisonKinds.flatMap(({ code, count }) => Array.from({ length: count }, (_, n) => poisonMessage(code, n)));
  const all: Produced[] = [];
  valid.forEach((produced, index) => {
    all.push(produced);
    if (index % 18 === 17) all.push(poison[(index - 17) / 18]);
    // A producer retry: a message sent 8 messages earlier (even index: it carries an event id) is sent again.
    if (index % 18 === 8) all.push(valid[index - 8]);
  });
  return { all, valid };
}

describe('the Kafka gateway loses nothing and duplicates nothing', () => {
  let topics: TestTopics;
  let platform: RunningPlatform | undefined;
  const dataDir = freshDataDir();
  const { all, valid } = messagesToProduce();

  beforeAll(async () => {
    topics = await createTestTopics('nothing-lost', 6);
  });

  afterAll(async () => {
    await platform?.stop();
    await dropTestTopics(topics);
    removeDataDir(dataDir);
  });

  it('produces the mix the test needs', () => {
    const duplicates = all.length - new Set(all.map((p) => p.message.value)).size;
    expect({ total: all.length, duplicates, poison: all.filter((p) => p.message.headers).length }).toEqual({
      total: validCount + poisonCount + duplicateCount,
      duplicates: duplicateCount,
      poison: poisonCount,
    });
  });

  it('appends every valid message once and dead-letters every poison one, with its reason', async () => {
    await produce(topics.kafka, topics.topic, all.map((p) => p.message));
    platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir, INGEST_MAX_MESSAGE_BYTES: String(maxMessageBytes), ...topics.platformEnv });
    const produced = await endCount(topics.admin, topics.topic);
    await waitUntil('the gateway committed every message', async () => (await committedCount(topics.admin, topics.groupId, topics.topic)) === produced);
    await platform.stop('SIGTERM');
    platform = undefined;

    const events = await storedEvents(dataDir);
    const deadLetters = await readWholeTopic(topics, topics.deadLetterTopic);

    expect(produced).toBe(all.length);
    expect(events.length + deadLetters.length).toBe(produced - duplicateCount);
    expect(events).toHaveLength(validCount);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(validCount);

    const byCode = new Map<string, number>();
    for (const { message } of deadLetters) {
      const code = headerText(message.headers, 'cdp-error-code') as string;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
      expect(headerText(message.headers, 'cdp-error-code')).toBe(headerText(message.headers, 'poison-kind'));
      expect(headerText(message.headers, 'cdp-source-topic')).toBe(topics.topic);
      expect(headerText(message.headers, 'cdp-error-message')).toMatch(/\w+/);
      expect(Number.isNaN(Date.parse(headerText(message.headers, 'cdp-dead-lettered-at') as string))).toBe(false);
    }
    expect(Object.fromEntries(byCode)).toEqual(Object.fromEntries(poisonKinds.map(({ code, count }) => [code, count])));

    // The original bytes, unchanged, at the coordinates the headers give.
    const source = await readWholeTopic(topics, topics.topic);
    const at = new Map(source.map(({ partition, message }) => [`${partition}/${message.offset}`, message.value?.toString('utf8')]));
    for (const { message } of deadLetters) {
      const coordinates = `${headerText(message.headers, 'cdp-source-partition')}/${headerText(message.headers, 'cdp-source-offset')}`;
      expect(message.value?.toString('utf8')).toBe(at.get(coordinates));
    }

    // Each customer's events in the order they were produced.
    for (let c = 0; c < customers; c += 37) {
      const customerId = `c-${c}`;
      const stream = events.filter((e) => e.streamId === `customer-${customerId}`);
      expect(stream.map((e) => e.metadata.occurredAt)).toEqual(valid.filter((p) => p.customerId === customerId).map((p) => p.occurredAt));
      expect(stream.map((e) => e.revision)).toEqual(stream.map((_, n) => n));
    }
  });
});
