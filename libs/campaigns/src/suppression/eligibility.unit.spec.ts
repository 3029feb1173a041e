import { RecordedEvent } from '@cdp/event-model';
import { customerEvents, line } from '@cdp/customer-360/testing';
import { campaignWith } from '../testing/campaigns';
import { Campaign } from '../planning/campaign';
import { eligibilityOf } from './eligibility';
import { suppressionFactsAsOf } from './suppression-facts-as-of';
import { evolveSuppressionLog } from './evolve-suppression-log';
import { emptySuppressionLog } from './suppression-log';

const day = (n: number) => new Date(Date.UTC(2011, 2, 1) + n * 86_400_000).toISOString();
const at = (n: number) => new Date(day(n));
const request = (returnId: string, productId = '85123A', extra: object = {}) => ({ returnId, productId, sku: productId, quantity: 1, reason: 'damaged', channel: 'web', ...extra });

/** given the customer's events, when asked at `when` about the campaign, then this answer. */
function given(events: RecordedEvent[]) {
  const log = events.reduce(evolveSuppressionLog, emptySuppressionLog());
  return { when: (campaign: Campaign, when: Date) => eligibilityOf(campaign, suppressionFactsAsOf(log, when), when) };
}

function consenting(event: ReturnType<typeof customerEvents>) {
  return event('ConsentGranted', { channel: 'email', purpose: 'marketing' }, day(0), { eventId: 'consent-1' });
}

describe('the suppression rule', () => {
  it('lets a consenting customer without returns or complaints receive the campaign', () => {
    const event = customerEvents();
    expect(given([consenting(event)]).when(campaignWith(), at(10))).toEqual({ eligible: true, reasons: [] });
  });

  it('blocks an open return of a promoted product until it is refunded, naming the events', () => {
    const event = customerEvents();
    const events = [
      consenting(event),
      event('ReturnRequested', request('ret-1'), day(5), { eventId: 'req-1' }),
      event('ReturnRefunded', { returnId: 'ret-1', amount: 2.55, currency: 'GBP' }, day(40), { eventId: 'ref-1' }),
    ];
    expect(given(events).when(campaignWith(), at(20)).reasons).toEqual([
      {
        rule: 'open-return',
        productId: '85123A',
        promotedAs: { by: 'product', sku: '85123A' },
        since: day(5),
        until: null,
        eventIds: ['req-1'],
        message: `return ret-1 of product 85123A is open since ${day(5)}: it blocks until refunded or rejected`,
      },
    ]);
  });

  it('keeps blocking for the cooling-off period after the return closes, then lets go', () => {
    const event = customerEvents();
    const events = [
      consenting(event),
      event('ReturnRequested', request('ret-1'), day(1), { eventId: 'req-1' }),
      event('ReturnRejected', { returnId: 'ret-1' }, day(2), { eventId: 'rej-1' }),
    ];
    const closedAt = Date.parse(day(2));
    const blocked = given(events).when(campaignWith(), new Date(closedAt + 30 * 86_400_000 - 1));
    expect(blocked.reasons).toMatchObject([{ rule: 'recent-return', since: day(2), until: day(32), eventIds: ['req-1', 'rej-1'] }]);
    expect(given(events).when(campaignWith(), at(32))).toEqual({ eligible: true, reasons: [] });
  });

  it('takes the cooling-off period of the campaign over the platform default', () => {
    const event = customerEvents();
    const events = [consenting(event), event('ReturnRequested', request('ret-1'), day(1)), event('ReturnRejected', { returnId: 'ret-1' }, day(2))];
    expect(given(events).when(campaignWith({ coolingOffDays: 90 }), at(60)).reasons).toMatchObject([{ rule: 'recent-return', until: day(92) }]);
    expect(given(events).when(campaignWith({ coolingOffDays: 0 }), at(2)).eligible).toBe(true);
  });

  it('ignores returns and complaints of products the campaign does not promote', () => {
    const event = customerEvents();
    const events = [
      consenting(event),
      event('ReturnRequested', request('ret-1', '71053'), day(1)),
      event('ComplaintOpened', { complaintId: 'cmp-1', channel: 'phone', category: 'product-quality', severity: 'high', productId: '71053' }, day(1)),
    ];
    expect(given(events).when(campaignWith(), at(3)).eligible).toBe(true);
  });

  it('matches a promoted sku against the productId or the sku of the return', () => {
    const event = customerEvents();
    const events = [consenting(event), event('ReturnRequested', request('ret-1', 'P-1', { sku: '85123A-W' }), day(1))];
    expect(given(events).when(campaignWith({ products: [{ sku: '85123A-W' }] }), at(3)).reasons).toMatchObject([{ rule: 'open-return', productId: 'P-1' }]);
  });

  it('blocks an open complaint about a promoted product until it is resolved', () => {
    const event = customerEvents();
    const opened = { complaintId: 'cmp-1', channel: 'phone', category: 'product-quality', severity: 'high', productId: '85123A' };
    const events = [
      consenting(event),
      event('ComplaintOpened', opened, day(3), { eventId: 'open-1' }),
      event('ComplaintEscalated', { complaintId: 'cmp-1', severity: 'critical' }, day(4), { eventId: 'esc-1' }),
      event('ComplaintResolved', { complaintId: 'cmp-1', resolution: 'replaced' }, day(9), { eventId: 'res-1' }),
    ];
    expect(given(events).when(campaignWith(), at(5)).reasons).toMatchObject([
      { rule: 'open-complaint', productId: '85123A', since: day(3), until: null, eventIds: ['open-1', 'esc-1'] },
    ]);
    expect(given(events).when(campaignWith(), at(9)).eligible).toBe(true);
  });

  it('blocks a product of a promoted category, its category known from the customer’s orders', () => {
    const event = customerEvents();
    const events = [
      consenting(event),
      event('OrderPlaced', { orderId: 'o-1', lines: [line('LAMP-2', 1, 10, { category: 'lighting' })] }, day(1)),
      event('ReturnRequested', request('ret-1', 'LAMP-2'), day(2)),
    ];
    const campaign = campaignWith({ products: [], categories: ['lighting'] });
    expect(given(events).when(campaign, at(3)).reasons).toMatchObject([{ rule: 'open-return', promotedAs: { by: 'category', category: 'lighting' } }]);
  });

  it('extends a promoted product to its category only with the category scope', () => {
    const event = customerEvents();
    const events = [
      consenting(event),
      event('OrderPlaced', { orderId: 'o-1', lines: [line('LAMP-2', 1, 10, { category: 'lighting' })] }, day(1)),
      event('ReturnRequested', request('ret-1', 'LAMP-2'), day(2)),
    ];
    const products = [{ sku: '85123A', category: 'lighting' }];
    expect(given(events).when(campaignWith({ products, suppressionScope: 'product' }), at(3)).eligible).toBe(true);
    expect(given(events).when(campaignWith({ products, suppressionScope: 'category' }), at(3)).reasons).toMatchObject([
      { rule: 'open-return', productId: 'LAMP-2', promotedAs: { by: 'category', category: 'lighting' } },
    ]);
  });

  it('blocks without consent to the campaign’s purpose on its channel, and after a withdrawal', () => {
    const event = customerEvents();
    const other = [event('ConsentGranted', { channel: 'sms', purpose: 'marketing' }, day(0))];
    expect(given(other).when(campaignWith(), at(1)).reasons).toMatchObject([{ rule: 'no-consent', since: null, eventIds: [] }]);
    const withdrawn = [consenting(event), event('ConsentWithdrawn', { channel: 'email', purpose: 'marketing' }, day(4), { eventId: 'wd-1' })];
    expect(given(withdrawn).when(campaignWith(), at(5)).reasons).toMatchObject([{ rule: 'consent-withdrawn', since: day(4), eventIds: ['wd-1'] }]);
    expect(given(withdrawn).when(campaignWith(), at(3)).eligible).toBe(true);
  });

  it('decides consent by business time, not by arrival: a late-arriving older withdrawal changes nothing', () => {
    const event = customerEvents();
    const events = [consenting(event), event('ConsentWithdrawn', { channel: 'email', purpose: 'marketing' }, '2011-02-01T00:00:00.000Z')];
    expect(given(events).when(campaignWith(), at(1)).eligible).toBe(true);
  });

  it('answers "as of" a moment: a return requested later is not known yet, one refunded later was still open', () => {
    const event = customerEvents();
    const events = [
      consenting(event),
      event('ReturnRequested', request('ret-1'), day(10)),
      event('ReturnRefunded', { returnId: 'ret-1', amount: 1, currency: 'GBP' }, day(12)),
    ];
    expect(given(events).when(campaignWith(), at(9)).eligible).toBe(true);
    expect(given(events).when(campaignWith(), at(11)).reasons).toMatchObject([{ rule: 'open-return' }]);
    expect(given(events).when(campaignWith(), at(13)).reasons).toMatchObject([{ rule: 'recent-return', until: day(42) }]);
  });

  it('completes a refund folded before its request, and lists every reason, oldest first', () => {
    const event = customerEvents();
    const events = [
      event('ReturnRefunded', { returnId: 'ret-2', amount: 1, currency: 'GBP' }, day(6), { eventId: 'ref-2' }),
      event('ReturnRequested', request('ret-2'), day(5), { eventId: 'req-2' }),
      event('ReturnRequested', request('ret-1'), day(2), { eventId: 'req-1' }),
    ];
    expect(given(events).when(campaignWith(), at(7)).reasons.map((reason) => [reason.rule, reason.eventIds])).toEqual([
      ['no-consent', []],
      ['open-return', ['req-1']],
      ['recent-return', ['ref-2', 'req-2']],
    ]);
  });
});
