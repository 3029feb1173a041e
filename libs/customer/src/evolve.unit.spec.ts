import { eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { CustomerEvent } from './customer-events';
import { initialState } from './customer-state';
import { evolve } from './evolve';

const fold = (events: CustomerEvent[]) => events.reduce(evolve, initialState());

describe('evolve', () => {
  it('starts unregistered, with an empty profile and no interactions', () => {
    expect(initialState()).toEqual({ status: 'unregistered', profile: {}, interactionCount: 0 });
  });

  it('registers the party with its kind', () => {
    const state = fold([{ type: 'CustomerRegistered', schemaVersion: 1, data: { partyKind: 'partner' } }]);
    expect(state).toMatchObject({ status: 'registered', partyKind: 'partner' });
  });

  it('merges profile updates field by field, the address too', () => {
    const state = fold([
      { type: 'CustomerProfileUpdated', schemaVersion: 2, data: { name: 'Ada', address: { country: 'GB', city: 'London' } } },
      { type: 'CustomerProfileUpdated', schemaVersion: 2, data: { email: 'ada@example.org', address: { city: 'Leeds' } } },
    ]);
    expect(state.profile).toEqual({ name: 'Ada', email: 'ada@example.org', address: { country: 'GB', city: 'Leeds' } });
  });

  it('counts interactions', () => {
    const interaction: CustomerEvent = {
      type: 'InteractionRecorded',
      schemaVersion: 1,
      data: { channel: 'web', direction: 'inbound', kind: 'page-viewed' },
    };
    expect(fold([interaction, interaction]).interactionCount).toBe(2);
  });

  it('ignores event types it does not know', () => {
    const unknown = { type: 'CustomerTeleported', schemaVersion: 1, data: {} } as unknown as CustomerEvent;
    expect(fold([unknown])).toEqual(initialState());
  });

  it('reads a v1 profile update once upcast', () => {
    const v1: RecordedEvent = {
      eventId: '5f0c1f4e-6a52-4a8c-9d8e-2f7c1b0a9e11',
      type: 'CustomerProfileUpdated',
      schemaVersion: 1,
      streamId: 'customer-c-1',
      revision: 0,
      position: '0',
      data: { name: 'Ada', country: 'FR' },
      metadata: {
        correlationId: 'c',
        causationId: 'c',
        occurredAt: '2024-01-01T00:00:00.000Z',
        recordedAt: '2024-01-01T00:00:00.000Z',
        source: { service: 'test' },
        actor: { kind: 'system', id: 'test' },
      },
    };
    const state = evolve(initialState(), eventCatalogue.upcast(v1) as unknown as CustomerEvent);
    expect(state.profile).toEqual({ name: 'Ada', address: { country: 'FR' } });
  });
});
