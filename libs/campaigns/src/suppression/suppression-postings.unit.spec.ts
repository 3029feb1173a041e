import { customerEvents, line } from '@cdp/customer-360/testing';
import { RecordedEvent } from '@cdp/event-model';
import { Campaign } from '../planning/campaign';
import { campaignWith } from '../testing/campaigns';
import { eligibilityOf } from './eligibility';
import { evolveSuppressionLog } from './evolve-suppression-log';
import { suppressionFactsAsOf } from './suppression-facts-as-of';
import { emptySuppressionLog, SuppressionLog } from './suppression-log';
import { campaignPostingKeys, mergePostings, suppressionPostings } from './suppression-postings';

const day = (n: number) => new Date(Date.UTC(2011, 2, 1) + n * 86_400_000).toISOString();
const logOf = (events: RecordedEvent[]) => events.reduce(evolveSuppressionLog, emptySuppressionLog());

/** A seeded pseudo-random generator: the property holds for these customers, and a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const products = ['A', 'B', 'C', 'D'];
const categoryOf: Record<string, string> = { A: 'lamps', B: 'lamps', C: 'mugs' };

function randomHistory(next: () => number, customerId: string): RecordedEvent[] {
  const event = customerEvents(customerId);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const events: RecordedEvent[] = [];
  for (let index = 0; index < 12; index++) {
    const at = day(Math.floor(next() * 60));
    const product = pick(products);
    const choice = next();
    if (choice < 0.2) {
      const category = categoryOf[product];
      events.push(event('OrderPlaced', { orderId: `o${index}`, lines: [line(product, 1, 1, category ? { category } : {})] }, at));
    } else if (choice < 0.45) events.push(event('ReturnRequested', { returnId: `r${index % 4}`, productId: product, sku: `${product}-sku`, quantity: 1, reason: 'damaged', channel: 'web' }, at));
    else if (choice < 0.6) events.push(event(pick(['ReturnRefunded', 'ReturnRejected']), { returnId: `r${index % 4}` }, at));
    else if (choice < 0.72) events.push(event('ComplaintOpened', { complaintId: `c${index % 3}`, channel: 'phone', category: 'product-quality', severity: 'low', productId: product }, at));
    else if (choice < 0.8) events.push(event('ComplaintResolved', { complaintId: `c${index % 3}`, resolution: 'replaced' }, at));
    else events.push(event(pick(['ConsentGranted', 'ConsentWithdrawn']), { channel: pick(['email', 'sms']), purpose: 'marketing' }, at));
  }
  return events;
}

function randomCampaign(next: () => number): Campaign {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const sku = pick([...products, 'A-sku', 'D-sku']);
  return campaignWith({
    channel: pick(['email', 'sms']),
    products: [{ sku, ...(next() < 0.5 ? { category: pick(['lamps', 'mugs']) } : {}) }],
    categories: next() < 0.3 ? [pick(['lamps', 'mugs'])] : [],
    suppressionScope: next() < 0.5 ? 'category' : 'product',
    coolingOffDays: pick([0, 10, 30]),
  });
}

describe('suppression postings', () => {
  it('answer every campaign, at every moment, exactly as the whole log does', () => {
    const next = random(20251207);
    let blocked = 0;
    for (let customer = 0; customer < 300; customer++) {
      const log = logOf(randomHistory(next, `c${customer}`));
      const postings = suppressionPostings(log);
      for (let trial = 0; trial < 5; trial++) {
        const campaign = randomCampaign(next);
        const asOf = new Date(day(Math.floor(next() * 90)));
        const parts = campaignPostingKeys(campaign).flatMap((key) => (postings.has(key) ? [postings.get(key) as SuppressionLog] : []));
        const merged = parts.length === 0 ? emptySuppressionLog() : mergePostings(parts);
        const whole = eligibilityOf(campaign, suppressionFactsAsOf(log, asOf), asOf);
        expect(eligibilityOf(campaign, suppressionFactsAsOf(merged, asOf), asOf)).toEqual(whole);
        if (whole.reasons.some((reason) => reason.productId !== null)) blocked++;
      }
    }
    // The property is only worth something if products did block.
    expect(blocked).toBeGreaterThan(100);
  });

  it('files each return and complaint under its productId, its sku and its category, and consents under theirs', () => {
    const event = customerEvents();
    const log = logOf([
      event('OrderPlaced', { orderId: 'o1', lines: [line('P1', 1, 1, { sku: 'S1', category: 'lamps' })] }, day(0)),
      event('ReturnRequested', { returnId: 'r1', productId: 'P1', sku: 'S1', quantity: 1, reason: 'damaged', channel: 'web' }, day(1), { eventId: 'req' }),
      event('ReturnRefunded', { returnId: 'r1', amount: 1, currency: 'GBP' }, day(2), { eventId: 'ref' }),
      event('ConsentGranted', { channel: 'email', purpose: 'marketing' }, day(0), { eventId: 'ok' }),
    ]);
    const postings = suppressionPostings(log);
    expect([...postings.keys()].sort()).toEqual(['category:lamps', 'consent:email/marketing', 'product:P1', 'product:S1']);
    expect(postings.get('category:lamps')).toEqual({
      entries: [expect.objectContaining({ eventId: 'req' }), expect.objectContaining({ eventId: 'ref' })],
      categories: { P1: 'lamps', S1: 'lamps' },
    });
    expect(campaignPostingKeys(campaignWith({ products: [{ sku: 'S1', category: 'lamps' }], suppressionScope: 'category' }))).toEqual([
      'consent:email/marketing',
      'product:S1',
      'category:lamps',
    ]);
  });

  it('knows a product’s category whenever it is asked: a category learned after the moment still applies', () => {
    const event = customerEvents();
    const log = logOf([
      event('ConsentGranted', { channel: 'email', purpose: 'marketing' }, day(0)),
      event('ReturnRequested', { returnId: 'r1', productId: 'LAMP', quantity: 1, reason: 'damaged', channel: 'web' }, day(1)),
      event('OrderPlaced', { orderId: 'o9', lines: [line('LAMP', 1, 1, { category: 'lighting' })] }, day(20)),
    ]);
    const asOf = new Date(day(2));
    expect(eligibilityOf(campaignWith({ products: [], categories: ['lighting'] }), suppressionFactsAsOf(log, asOf), asOf).reasons).toMatchObject([
      { rule: 'open-return', promotedAs: { by: 'category', category: 'lighting' } },
    ]);
  });
});
