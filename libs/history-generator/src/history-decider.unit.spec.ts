import { commandForEvent, customerDecider, CustomerEvent, CustomerState } from '@cdp/customer';
import { generateHistory } from './generate-history';
import { HistoryOptions } from './history-options';

const period = { from: new Date('2023-01-01T00:00:00.000Z'), to: new Date('2025-01-01T00:00:00.000Z') };

/**
 * Replays each party's events through the customer decider, as ingestion would decide them
 * (commandForEvent, then decide on the state the earlier events left): each must be recorded as it is,
 * neither refused, nor dropped as a repeat, nor changed.
 */
function decisionsThatDiffer(options: HistoryOptions, count: number): string[] {
  const states = new Map<string, CustomerState>();
  const differences: string[] = [];
  let seen = 0;
  for (const { customerId, event } of generateHistory(options)) {
    if (seen++ === count) break;
    const state = states.get(customerId) ?? customerDecider.initialState();
    const expected = { type: event.type, schemaVersion: event.schemaVersion, data: event.data } as CustomerEvent;
    let decided: CustomerEvent[];
    try {
      decided = customerDecider.decide(commandForEvent(customerId, event), state);
    } catch (error) {
      differences.push(`${customerId} ${event.type} refused: ${(error as Error).message}`);
      continue;
    }
    if (JSON.stringify(sorted(decided)) !== JSON.stringify(sorted([expected]))) {
      differences.push(`${customerId} ${event.type} ${JSON.stringify(event.data)} decided as ${JSON.stringify(decided)}`);
    }
    states.set(customerId, decided.reduce(customerDecider.evolve, state));
  }
  return differences;
}

/** Key order does not matter in JSON data. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, field]) => [key, sorted(field)]));
}

describe('a generated history, replayed through the customer decider', () => {
  it('has every event of every party accepted as it is, over a whole history of 2,000 parties', () => {
    expect(decisionsThatDiffer({ seed: 'decider', customers: 2_000, events: 20_000, ...period }, 20_000).slice(0, 5)).toEqual([]);
  });

  it('does so with heavy buyers too: 200 parties with 100 events each on average', () => {
    expect(decisionsThatDiffer({ seed: 'heavy', customers: 200, events: 20_000, ...period }, 20_000).slice(0, 5)).toEqual([]);
  });

  it('does so at the start of the issue’s history (1,000,000 parties, 10,000,000 events)', () => {
    expect(decisionsThatDiffer({ seed: 20251123, customers: 1_000_000, events: 10_000_000, ...period }, 20_000).slice(0, 5)).toEqual([]);
  });
});
