import { customer360Projection } from './customer-360-projection';
import { customerEvents, line, projectionSpecification, sealed } from './testing';

const { given } = projectionSpecification(customer360Projection());

describe('document size', () => {
  it('stays bounded whatever the length of the history', () => {
    const event = customerEvents();
    const events = [];
    for (let n = 0; n < 2000; n++) {
      const at = new Date(Date.UTC(2000, 0, 1) + n * 3_600_000).toISOString();
      events.push(
        event('OrderPlaced', { orderId: `o-${n}`, lines: [line(`p-${n}`, 1, 1.5, { category: `category-${n}` }), line(`q-${n}`, 2, 2.25)] }, at),
        event('ReturnRequested', { returnId: `r-${n}`, productId: `p-${n}`, quantity: 1, reason: 'other', channel: 'web' }, at),
        event('ComplaintOpened', { complaintId: `c-${n}`, channel: 'phone', category: 'delivery', severity: 'low' }, at),
        event('IdentityLinked', { kind: 'anonymous-web-id', value: sealed(`cookie-${n}`) }, at),
        event('InteractionRecorded', { channel: 'web', direction: 'inbound', kind: 'page-viewed', productId: `p-${n}` }, at),
      );
      if (n % 2 === 0) events.push(event('ReturnRefunded', { returnId: `r-${n}`, amount: 1, currency: 'GBP' }, at), event('ComplaintResolved', { complaintId: `c-${n}`, resolution: 'explained' }, at));
    }
    const doc = given(events).thenDocument('17850');
    expect(doc).toMatchObject({ orderCount: 2000, returnCount: 2000, complaintCount: 2000, interactionCount: 2000, refundedReturnCount: 1000 });
    // Every list is at its cap: this is the largest the document gets with ids of this length.
    expect(JSON.stringify(doc).length).toBeLessThan(64 * 1024);
  });
});
