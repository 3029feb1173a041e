import { eventCatalogue } from '@cdp/event-model';
import { withoutPersonalLeaves } from './personal-fields';

describe('withoutPersonalLeaves', () => {
  it('removes every personal leaf of a profile, nested ones too, and keeps the rest', () => {
    const profile = {
      name: 'pii:v1:1:aaa',
      email: 'pii:v1:1:bbb',
      gender: 'pii:v1:1:ccc',
      address: { street: 'pii:v1:1:ddd', city: 'pii:v1:1:eee', region: 'Greater London', country: 'GB' },
      company: { name: 'Analytical Engines Ltd', size: '1-9' },
      updatedAt: '2011-12-01T09:00:00.000Z',
    };
    const paths = eventCatalogue.personalDataPaths('CustomerProfileUpdated', 2);
    expect(withoutPersonalLeaves(profile, paths)).toEqual({
      address: { region: 'Greater London', country: 'GB' },
      company: { name: 'Analytical Engines Ltd', size: '1-9' },
      updatedAt: '2011-12-01T09:00:00.000Z',
    });
    expect(profile.email).toBe('pii:v1:1:bbb');
  });

  it('leaves data without personal paths as it is', () => {
    const data = { channel: 'email', purpose: 'marketing' };
    expect(withoutPersonalLeaves(data, [])).toBe(data);
  });
});
