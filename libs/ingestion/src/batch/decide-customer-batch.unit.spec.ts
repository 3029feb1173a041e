import { customerDecider, CustomerState } from '@cdp/customer';
import { EventMetadataInput } from '@cdp/event-model';
import { CustomerBatchItem, decideCustomerBatch, KnownStream } from './decide-customer-batch';
import { eventIdsFor } from './event-ids';

const metadata: EventMetadataInput = {
  correlationId: 'corr-1',
  causationId: 'cause-1',
  occurredAt: '2024-05-01T10:00:00.000Z',
  source: { service: 'shop', topic: 'customer-events', partition: 0, offset: '7' },
  actor: { kind: 'service', id: 'shop' },
};

const item = (eventId: string, type: string, data: object): CustomerBatchItem => ({ eventId, type, data, metadata });
const fresh = (): KnownStream<CustomerState> => ({ state: customerDecider.initialState(), revision: 'no_stream', eventIds: new Set() });
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

describe('deciding a run of messages for one customer', () => {
  it('records each message on the state the previous ones left, as one append', () => {
    const decided = decideCustomerBatch(
      'c-1',
      fresh(),
      [
        item(ids[0], 'CustomerRegistered', { partyKind: 'prospect' }),
        item(ids[1], 'PartyKindChanged', { to: 'customer' }),
        item(ids[2], 'InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'page-viewed' }),
      ],
      customerDecider,
    );

    expect(decided.events.map((event) => [event.eventId, event.type, event.data])).toEqual([
      [ids[0], 'CustomerRegistered', { partyKind: 'prospect' }],
      [ids[1], 'PartyKindChanged', { from: 'prospect', to: 'customer' }],
      [ids[2], 'InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'page-viewed' }],
    ]);
    expect(decided.events.every((event) => event.metadata === metadata)).toBe(true);
    expect(decided.outcomes).toEqual(ids.map((id) => ({ status: 'recorded', eventIds: [id] })));
    expect(decided.next).toMatchObject({ revision: 2, eventIds: new Set(ids), state: { status: 'registered', partyKind: 'customer' } });
  });

  it('records nothing for a message already in the stream, or twice in the run', () => {
    const known = { ...fresh(), revision: 4, eventIds: new Set([ids[0]]) };
    const visit = { channel: 'store', direction: 'inbound', kind: 'visit' };

    const decided = decideCustomerBatch('c-1', known, [item(ids[0], 'InteractionRecorded', visit), item(ids[1], 'InteractionRecorded', visit), item(ids[1], 'InteractionRecorded', visit)], customerDecider);

    expect(decided.outcomes).toEqual([
      { status: 'duplicate', eventIds: [ids[0]] },
      { status: 'recorded', eventIds: [ids[1]] },
      { status: 'duplicate', eventIds: [ids[1]] },
    ]);
    expect(decided.events).toHaveLength(1);
    expect(decided.next.revision).toBe(5);
  });

  it('rejects only the message a rule refuses, with the rule’s code; the others go through', () => {
    const decided = decideCustomerBatch(
      'c-1',
      fresh(),
      [item(ids[0], 'CustomerRegistered', { partyKind: 'customer' }), item(ids[1], 'CustomerRegistered', { partyKind: 'partner' }), item(ids[2], 'ConsentGranted', { channel: 'email', purpose: 'marketing' })],
      customerDecider,
    );

    expect(decided.outcomes[0]).toEqual({ status: 'recorded', eventIds: [ids[0]] });
    expect(decided.outcomes[1]).toMatchObject({ status: 'rejected', code: 'customer-already-registered', message: expect.stringContaining('c-1') });
    expect(decided.outcomes[2]).toEqual({ status: 'recorded', eventIds: [ids[2]] });
    expect(decided.next.revision).toBe(1);
  });

  it('says unchanged for a valid message that changes nothing, and keeps the revision', () => {
    const known = { ...fresh(), revision: 0 };
    const first = decideCustomerBatch('c-1', known, [item(ids[0], 'CustomerProfileUpdated', { address: { country: 'FR' } })], customerDecider);
    const again = decideCustomerBatch('c-1', first.next, [item(ids[1], 'CustomerProfileUpdated', { address: { country: 'FR' } })], customerDecider);

    expect(again.outcomes).toEqual([{ status: 'unchanged' }]);
    expect(again.events).toEqual([]);
    expect(again.next.revision).toBe(1);
  });

  it('derives further event ids from the message’s id, the same on every retry', () => {
    expect(eventIdsFor(ids[0], 3)).toEqual(eventIdsFor(ids[0], 3));
    expect(eventIdsFor(ids[0], 3)[0]).toBe(ids[0]);
    expect(new Set(eventIdsFor(ids[0], 3)).size).toBe(3);
  });
});
