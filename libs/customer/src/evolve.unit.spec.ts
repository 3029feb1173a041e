import { eventCatalogue, RecordedEvent } from '@cdp/event-model';
import { CustomerEvent } from './customer-events';
import { initialState } from './customer-state';
import { evolve } from './evolve';

const fold = (events: CustomerEvent[]) => events.reduce(evolve, initialState());

describe('evolve', () => {
  it('starts unregistered, with an empty profile, no interactions and no identifiers', () => {
    expect(initialState()).toEqual({ status: 'unregistered', profile: {}, interactionCount: 0, identifiers: [] });
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

  it('merges the company field by field', () => {
    const state = fold([
      { type: 'CustomerProfileUpdated', schemaVersion: 2, data: { company: { name: 'ACME', size: '1-9' } } },
      { type: 'CustomerProfileUpdated', schemaVersion: 2, data: { company: { name: 'ACME', size: '10-49' } } },
    ]);
    expect(state.profile).toEqual({ company: { name: 'ACME', size: '10-49' } });
  });

  it('takes the party kind from the last change', () => {
    const state = fold([
      { type: 'CustomerRegistered', schemaVersion: 1, data: { partyKind: 'prospect' } },
      { type: 'PartyKindChanged', schemaVersion: 1, data: { from: 'prospect', to: 'customer' } },
    ]);
    expect(state).toMatchObject({ status: 'registered', partyKind: 'customer' });
  });

  it('knows each linked identifier once, by kind and value', () => {
    const state = fold([
      { type: 'IdentityLinked', schemaVersion: 1, data: { kind: 'email', value: 'ada@example.org' } },
      { type: 'IdentityLinked', schemaVersion: 1, data: { kind: 'email', value: 'ada@example.org', system: 'crm' } },
      { type: 'IdentityLinked', schemaVersion: 1, data: { kind: 'phone', value: '+44 20 7946 0000' } },
    ]);
    expect(state.identifiers).toEqual([
      { kind: 'email', value: 'ada@example.org' },
      { kind: 'phone', value: '+44 20 7946 0000' },
    ]);
  });

  it('leaves the state as it is for facts the rules do not look at', () => {
    const facts: CustomerEvent[] = [
      { type: 'OrderPlaced', schemaVersion: 1, data: { orderId: 'o-1', lines: [{ productId: 'p', sku: 's', quantity: 1, unitPrice: 1, currency: 'EUR' }] } },
      { type: 'ConsentWithdrawn', schemaVersion: 1, data: { channel: 'email', purpose: 'marketing' } },
    ];
    expect(fold(facts)).toEqual(initialState());
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
