import { createHash } from 'node:crypto';
import { eventCatalogue } from '@cdp/event-model';
import { customerIdOf, GeneratedEvent, generateHistory } from './generate-history';
import { HistoryOptions, InvalidHistoryOptionsError } from './history-options';

const period = { from: new Date('2023-01-01T00:00:00.000Z'), to: new Date('2025-01-01T00:00:00.000Z') };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function take(options: HistoryOptions, count = options.events): GeneratedEvent[] {
  const events: GeneratedEvent[] = [];
  for (const generated of generateHistory(options)) {
    events.push(generated);
    if (events.length === count) break;
  }
  return events;
}

function fingerprint(options: HistoryOptions, count: number): string {
  const hash = createHash('sha256');
  for (const generated of take(options, count)) hash.update(JSON.stringify(generated)).update('\n');
  return hash.digest('hex');
}

describe('generateHistory', () => {
  const options: HistoryOptions = { seed: 'validity', customers: 2_000, events: 20_000, ...period };
  const history = take(options);

  it('makes exactly the events asked for, about exactly the parties asked for', () => {
    expect(history).toHaveLength(20_000);
    const parties = new Set(history.map(({ customerId }) => customerId));
    expect(parties.size).toBe(2_000);
    expect(parties).toEqual(new Set(Array.from({ length: 2_000 }, (_, i) => customerIdOf(i, 2_000))));
  });

  it('makes only events the catalogue accepts, at their current schema version', () => {
    const refused = history
      .map(({ event }) => ({ event, issues: eventCatalogue.validate(event.type, event.schemaVersion, event.data) }))
      .filter(({ event, issues }) => issues.length > 0 || event.schemaVersion !== eventCatalogue.currentVersion(event.type));
    expect(refused.slice(0, 5)).toEqual([]);
    expect(new Set(history.map(({ event }) => event.type))).toEqual(new Set(eventCatalogue.types.filter((type) => eventCatalogue.isProducerType(type))));
  });

  it('gives every event a distinct UUID and the generator’s envelope', () => {
    expect(new Set(history.map(({ event }) => event.eventId)).size).toBe(history.length);
    const odd = history.filter(({ event: { eventId, metadata } }) => {
      return (
        !uuid.test(eventId) ||
        metadata.causationId !== eventId ||
        !/^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/.test(metadata.correlationId) ||
        metadata.source.service !== 'history-generator' ||
        metadata.actor.kind !== 'system' ||
        metadata.actor.id !== 'history-generator' ||
        new Date(metadata.occurredAt).toISOString() !== metadata.occurredAt
      );
    });
    expect(odd.slice(0, 3)).toEqual([]);
  });

  it('tells the events in business-time order across parties, interleaved, all within the period', () => {
    const times = history.map(({ event }) => event.metadata.occurredAt);
    expect(times.filter((time, i) => i > 0 && time < times[i - 1])).toEqual([]);
    expect(times[0] >= period.from.toISOString()).toBe(true);
    expect(times[times.length - 1] < period.to.toISOString()).toBe(true);
    // Interleaved: most events follow an event about another party.
    const switches = history.filter(({ customerId }, i) => i > 0 && customerId !== history[i - 1].customerId).length;
    expect(switches / history.length).toBeGreaterThan(0.8);
  });

  it('starts every party with its registration, and registers it once', () => {
    const seen = new Set<string>();
    const wrong = history.filter(({ customerId, event }) => {
      const first = !seen.has(customerId);
      seen.add(customerId);
      return first !== (event.type === 'CustomerRegistered');
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('correlates the events of one order, return or complaint', () => {
    const wrong = history.filter(({ event }) => {
      const { orderId, returnId, complaintId } = event.data as Record<string, string | undefined>;
      return event.metadata.correlationId !== (returnId ?? complaintId ?? orderId ?? event.eventId);
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(history.filter(({ event }) => event.type === 'PaymentCaptured' && event.metadata.correlationId === event.eventId)).toEqual([]);
  });

  it('gives the same events for the same seed, and other events for another seed', () => {
    const big = { customers: 5_000, events: 60_000, ...period };
    const first = fingerprint({ ...big, seed: 42 }, 50_000);
    expect(fingerprint({ ...big, seed: 42 }, 50_000)).toBe(first);
    expect(fingerprint({ ...big, seed: 43 }, 50_000)).not.toBe(first);
    // A string seed is the same seed as the number it spells.
    expect(fingerprint({ ...big, seed: '42' }, 1_000)).toBe(fingerprint({ ...big, seed: 42 }, 1_000));
  });

  it('holds no event in memory: the first events come before the rest are made', () => {
    const iterator = generateHistory({ seed: 1, customers: 1_000_000, events: 10_000_000, ...period })[Symbol.iterator]();
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value?.event.type).toBe('CustomerRegistered');
    iterator.return?.();
  });

  it('refuses options it cannot honour, naming what to change', () => {
    const valid: HistoryOptions = { seed: 1, customers: 10, events: 100, ...period };
    const refusals: [Partial<HistoryOptions>, string][] = [
      [{ events: 9 }, 'at least customers'],
      [{ customers: 0 }, 'customers must be an integer'],
      [{ events: 10.5 }, 'events must be an integer'],
      [{ to: period.from }, 'to must be at least one second after from'],
      [{ from: new Date('nonsense') }, 'from must be a valid Date'],
      [{ products: 100_000 }, 'products must be an integer from 1 to 90,000'],
    ];
    for (const [change, message] of refusals) {
      expect(() => generateHistory({ ...valid, ...change }).next()).toThrow(InvalidHistoryOptionsError);
      expect(() => generateHistory({ ...valid, ...change }).next()).toThrow(message);
    }
  });
});
