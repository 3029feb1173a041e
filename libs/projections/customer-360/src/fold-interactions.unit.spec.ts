import { customer360Projection } from './customer-360-projection';
import { customerEvents, projectionSpecification, sealed } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();
const { given } = projectionSpecification(customer360Projection());

describe('interactions', () => {
  it('counts per channel and keeps the latest by business time, never the note', () => {
    const event = customerEvents();
    const doc = given([
      event('InteractionRecorded', { channel: 'email', direction: 'outbound', kind: 'email-sent', campaignId: 'spring' }, day(1)),
      event('InteractionRecorded', { channel: 'email', direction: 'inbound', kind: 'email-opened', campaignId: 'spring' }, day(3)),
      event('InteractionRecorded', { channel: 'email', direction: 'inbound', kind: 'email-clicked', campaignId: 'spring' }, day(2)),
      event('InteractionRecorded', { channel: 'store', direction: 'inbound', kind: 'visit', productId: '85123A', note: sealed('asked for a discount') }, day(4)),
    ]).thenDocument('17850');
    expect(doc.interactionCount).toBe(4);
    expect(doc.interactionsByChannel).toEqual({
      email: { count: 3, last: { at: day(3), kind: 'email-opened', direction: 'inbound', productId: null, campaignId: 'spring' } },
      store: { count: 1, last: { at: day(4), kind: 'visit', direction: 'inbound', productId: '85123A', campaignId: null } },
    });
    expect(JSON.stringify(doc)).not.toContain(sealed('asked for a discount'));
  });
});
