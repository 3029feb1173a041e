import { customer360Caps } from './customer-360-caps';
import { customer360Projection } from './customer-360-projection';
import { customerEvents, projectionSpecification, sealed } from './testing';

const { given } = projectionSpecification(customer360Projection());

describe('identities', () => {
  it('keeps the IdentityLinked data, sealed, with when it was linked; a re-delivered value once, at its earliest link', () => {
    const event = customerEvents();
    const doc = given([
      event('IdentityLinked', { kind: 'loyalty-card', value: sealed('6280'), system: 'loyalty' }, '2011-02-01T00:00:00Z'),
      event('IdentityLinked', { kind: 'email', value: sealed('ada@example.org') }, '2011-03-01T00:00:00Z'),
      event('IdentityLinked', { kind: 'loyalty-card', value: sealed('6280'), system: 'loyalty' }, '2011-01-01T00:00:00Z'),
      event('IdentityLinked', { kind: 'loyalty-card', value: sealed('6280'), system: 'other-scheme' }, '2011-04-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.identities).toEqual([
      { kind: 'loyalty-card', value: sealed('6280'), system: 'loyalty', linkedAt: '2011-01-01T00:00:00.000Z' },
      { kind: 'email', value: sealed('ada@example.org'), linkedAt: '2011-03-01T00:00:00.000Z' },
      { kind: 'loyalty-card', value: sealed('6280'), system: 'other-scheme', linkedAt: '2011-04-01T00:00:00.000Z' },
    ]);
  });

  it(`keeps the ${customer360Caps.identitiesPerKind} most recently linked of each kind, so web ids cannot push out the email`, () => {
    const event = customerEvents();
    const cookies = Array.from({ length: 12 }, (_, day) =>
      event('IdentityLinked', { kind: 'anonymous-web-id', value: sealed(`cookie-${day}`) }, `2011-01-${String(day + 10).padStart(2, '0')}T00:00:00Z`),
    );
    const doc = given([event('IdentityLinked', { kind: 'email', value: sealed('ada') }, '2011-01-01T00:00:00Z'), ...cookies]).thenDocument('17850');
    expect(doc.identities.map((identity) => identity.value)).toEqual([sealed('ada'), ...[7, 8, 9, 10, 11].map((day) => sealed(`cookie-${day}`))]);
  });
});
