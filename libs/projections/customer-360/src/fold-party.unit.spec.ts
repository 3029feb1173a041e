import { customer360Projection } from './customer-360-projection';
import { customerEvents, projectionSpecification } from './testing';

const { given } = projectionSpecification(customer360Projection());

describe('party', () => {
  it('registers the party: the earliest registration gives the date and the acquisition channel', () => {
    const event = customerEvents();
    const doc = given([
      event('CustomerRegistered', { partyKind: 'customer', acquisitionChannel: 'crm-import' }, '2011-03-01T00:00:00Z'),
      // Recorded later, happened earlier: it is the real registration.
      event('CustomerRegistered', { partyKind: 'prospect', acquisitionChannel: 'store' }, '2011-01-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ registeredAt: '2011-01-01T00:00:00.000Z', acquisitionChannel: 'store', partyKind: 'customer', partyKindSince: '2011-03-01T00:00:00.000Z' });
  });

  it('takes the party kind of the latest change by business time, not the latest folded', () => {
    const event = customerEvents();
    const doc = given([
      event('CustomerRegistered', { partyKind: 'prospect' }, '2011-01-01T00:00:00Z'),
      event('PartyKindChanged', { from: 'customer', to: 'partner' }, '2011-06-01T00:00:00Z'),
      event('PartyKindChanged', { from: 'prospect', to: 'customer' }, '2011-02-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ partyKind: 'partner', partyKindSince: '2011-06-01T00:00:00.000Z' });
  });
});
