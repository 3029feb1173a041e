import { customer360Projection } from './customer-360-projection';
import { customerEvents, projectionSpecification } from './testing';

const { given } = projectionSpecification(customer360Projection());
const marketingByEmail = { channel: 'email', purpose: 'marketing' };

describe('consents', () => {
  it('holds one state per channel and purpose', () => {
    const event = customerEvents();
    const doc = given([
      event('ConsentGranted', { ...marketingByEmail, source: 'web-form' }, '2011-01-01T00:00:00Z'),
      event('ConsentGranted', { channel: 'sms', purpose: 'service' }, '2011-01-02T00:00:00Z'),
      event('ConsentWithdrawn', { ...marketingByEmail, reason: 'unsubscribe link' }, '2011-02-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.consents).toEqual({
      email: { marketing: { granted: false, grantedAt: '2011-01-01T00:00:00.000Z', withdrawnAt: '2011-02-01T00:00:00.000Z', source: 'web-form' } },
      sms: { service: { granted: true, grantedAt: '2011-01-02T00:00:00.000Z', withdrawnAt: null, source: null } },
    });
  });

  it('lets the latest by business time win, not the latest folded', () => {
    const event = customerEvents();
    const doc = given([
      event('ConsentWithdrawn', marketingByEmail, '2011-03-01T00:00:00Z'),
      event('ConsentGranted', { ...marketingByEmail, source: 'old-form' }, '2011-01-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.consents.email.marketing).toEqual({ granted: false, grantedAt: '2011-01-01T00:00:00.000Z', withdrawnAt: '2011-03-01T00:00:00.000Z', source: 'old-form' });
  });

  it('grants again after a withdrawal, with the source of the latest grant', () => {
    const event = customerEvents();
    const doc = given([
      event('ConsentGranted', { ...marketingByEmail, source: 'web-form' }, '2011-01-01T00:00:00Z'),
      event('ConsentWithdrawn', marketingByEmail, '2011-02-01T00:00:00Z'),
      event('ConsentGranted', { ...marketingByEmail, source: 'store-till' }, '2011-03-01T00:00:00Z'),
      event('ConsentGranted', { ...marketingByEmail, source: 'late-import' }, '2010-06-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.consents.email.marketing).toEqual({ granted: true, grantedAt: '2011-03-01T00:00:00.000Z', withdrawnAt: '2011-02-01T00:00:00.000Z', source: 'store-till' });
  });

  it('lets the later in the log win at equal business times, either way round', () => {
    const at = '2011-01-01T00:00:00Z';
    const grantThenWithdraw = customerEvents();
    expect(given([grantThenWithdraw('ConsentGranted', marketingByEmail, at), grantThenWithdraw('ConsentWithdrawn', marketingByEmail, at)]).thenDocument('17850').consents.email.marketing.granted).toBe(false);
    const withdrawThenGrant = customerEvents();
    expect(given([withdrawThenGrant('ConsentWithdrawn', marketingByEmail, at), withdrawThenGrant('ConsentGranted', marketingByEmail, at)]).thenDocument('17850').consents.email.marketing.granted).toBe(true);
  });

  it('keeps the decision of a tie when an older event of either kind arrives late', () => {
    const event = customerEvents();
    const doc = given([
      event('ConsentGranted', marketingByEmail, '2011-02-01T00:00:00Z'),
      event('ConsentWithdrawn', marketingByEmail, '2011-02-01T00:00:00Z'),
      event('ConsentGranted', marketingByEmail, '2011-01-01T00:00:00Z'),
    ]).thenDocument('17850');
    expect(doc.consents.email.marketing.granted).toBe(false);
  });

  it('never grants on a withdrawal alone', () => {
    const doc = given([customerEvents()('ConsentWithdrawn', marketingByEmail, '2011-01-01T00:00:00Z')]).thenDocument('17850');
    expect(doc.consents.email.marketing).toEqual({ granted: false, grantedAt: null, withdrawnAt: '2011-01-01T00:00:00.000Z', source: null });
  });
});
