import { erasedMarker } from '@cdp/event-model';
import { customer360Projection } from './customer-360-projection';
import { customerEvents, projectionSpecification, sealed } from './testing';

const { given } = projectionSpecification(customer360Projection());

describe('profile', () => {
  it('merges the profile field by field, the address subfield by subfield, values copied as sealed', () => {
    const event = customerEvents();
    const doc = given([
      event('CustomerProfileUpdated', { name: sealed('Ada'), address: { city: sealed('London'), country: 'GB' }, company: { name: 'ACME', size: '1-9' } }, '2011-01-01T00:00:00Z'),
      event('CustomerProfileUpdated', { email: sealed('ada@example.org'), address: { city: sealed('Leeds'), region: 'Yorkshire' }, company: { name: 'ACME', size: '10-49' } }, '2011-02-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.profile).toEqual({
      name: sealed('Ada'),
      email: sealed('ada@example.org'),
      address: { city: sealed('Leeds'), country: 'GB', region: 'Yorkshire' },
      company: { name: 'ACME', size: '10-49' },
      updatedAt: '2011-02-01T00:00:00.000Z',
    });
    expect(doc).toMatchObject({ country: 'GB', region: 'Yorkshire' });
  });

  it('lets a late, older update fill missing fields but never overwrite newer ones', () => {
    const event = customerEvents();
    const doc = given([
      event('CustomerProfileUpdated', { phone: sealed('new phone'), address: { country: 'FR' } }, '2011-05-01T00:00:00Z'),
      event('CustomerProfileUpdated', { phone: sealed('old phone'), occupation: sealed('engineer'), address: { country: 'GB', city: sealed('Paris') } }, '2011-01-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.profile).toEqual({
      phone: sealed('new phone'),
      occupation: sealed('engineer'),
      address: { country: 'FR', city: sealed('Paris') },
      updatedAt: '2011-05-01T00:00:00.000Z',
    });
    expect(doc.country).toBe('FR');
  });

  it('lets the later in the log win between two updates at the same business time', () => {
    const event = customerEvents();
    const doc = given([
      event('CustomerProfileUpdated', { name: sealed('first') }, '2011-01-01T00:00:00Z'),
      event('CustomerProfileUpdated', { name: sealed('second') }, '2011-01-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.profile.name).toBe(sealed('second'));
  });

  it('copies erased markers as they are, and keeps no field the v2 shape does not have', () => {
    const event = customerEvents();
    const doc = given([
      event('CustomerProfileUpdated', { name: sealed('Ada'), birthDate: sealed('1815-12-10'), gender: sealed('female') }, '2011-01-01T00:00:00Z'),
      event('CustomerProfileUpdated', { name: erasedMarker, birthDate: erasedMarker, address: { street: erasedMarker }, nickname: 'unknown field' }, '2011-02-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.profile).toEqual({
      name: { erased: true },
      birthDate: { erased: true },
      gender: sealed('female'),
      address: { street: { erased: true } },
      updatedAt: '2011-02-01T00:00:00.000Z',
    });
  });

  it('has no country nor region before the address says so', () => {
    const doc = given([customerEvents()('CustomerProfileUpdated', { name: sealed('Ada') }, '2011-01-01T00:00:00Z')]).thenDocument('17850');
    expect(doc).toMatchObject({ country: null, region: null });
  });
});
