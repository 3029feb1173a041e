import { randomUUID } from 'node:crypto';
import { NewEvent, RecordedEvent } from '@cdp/event-model';
import { EventStore } from '../event-store';

/** Streams of one run never collide with another run's on a shared server. */
export const runId = randomUUID().slice(0, 8);
let streamCounter = 0;

export function uniqueStream(category = 'contract'): string {
  return `${category}${runId}-${++streamCounter}`;
}

export function uniquePrefix(): string {
  return `c${runId}x${++streamCounter}`;
}

export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  const eventId = overrides.eventId ?? randomUUID();
  return {
    eventId,
    type: 'InteractionRecorded',
    schemaVersion: 1,
    data: { channel: 'email', direction: 'outbound', kind: 'email-sent', note: `event ${eventId}` },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-23T10:00:00.000Z',
      source: { service: 'contract-test', topic: 'interactions', partition: 2, offset: '41' },
      actor: { kind: 'service', id: 'contract-test' },
    },
    ...overrides,
  };
}

export function newEvents(count: number, overrides: Partial<NewEvent> = {}): NewEvent[] {
  return Array.from({ length: count }, () => newEvent(overrides));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export function ids(events: readonly { eventId: string }[]): string[] {
  return events.map((event) => event.eventId);
}

/** Appends `count` events to `streamId` in batches; returns what was appended, in order. */
export async function appendInBatches(store: EventStore, streamId: string, count: number, batchSize: number): Promise<NewEvent[]> {
  const all = newEvents(count);
  for (let i = 0; i < count; i += batchSize) {
    await store.appendToStream(streamId, all.slice(i, i + batchSize));
  }
  return all;
}

export function expectIncreasingPositions(events: readonly RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if (!(events[i - 1].position < events[i].position)) {
      throw new Error(`positions out of order at ${i}: ${events[i - 1].position} then ${events[i].position}`);
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
