import { customerEvents } from '@cdp/customer-360/testing';
import { RecordedEvent } from '@cdp/event-model';
import { applyBucketChanges, emptyIdBucket, IdBucket } from '@cdp/segments';
import { campaignWith } from '../testing/campaigns';
import { defaultSuppressionRules } from '../suppression/suppression-rules';
import { evolveSuppressionLog } from '../suppression/evolve-suppression-log';
import { emptySuppressionLog } from '../suppression/suppression-log';
import { campaignPostingKeys, suppressionPostings } from '../suppression/suppression-postings';
import { decideAudienceBucket } from './decide-audience-bucket';
import { expandedReasons } from './stored-reasons';

const day = (n: number) => new Date(Date.UTC(2011, 2, 1) + n * 86_400_000).toISOString();

describe('an audience bucket', () => {
  it('keeps eligible members, and leaves out the others with their reasons, counting each rule once per member', () => {
    const histories: Record<string, (event: ReturnType<typeof customerEvents>) => RecordedEvent[]> = {
      ann: (event) => [event('ConsentGranted', { channel: 'email', purpose: 'marketing' }, day(0))],
      bob: (event) => [
        event('ConsentGranted', { channel: 'email', purpose: 'marketing' }, day(0)),
        event('ReturnRequested', { returnId: 'r1', productId: '85123A', quantity: 1, reason: 'damaged', channel: 'web' }, day(1)),
        event('ReturnRequested', { returnId: 'r2', productId: '85123A', quantity: 1, reason: 'damaged', channel: 'web' }, day(2)),
      ],
      cy: () => [],
    };
    const keys = campaignPostingKeys(campaignWith());
    const postingBuckets = new Map<string, IdBucket>(keys.map((key) => [key, emptyIdBucket()]));
    for (const [customerId, history] of Object.entries(histories)) {
      const log = history(customerEvents(customerId)).reduce(evolveSuppressionLog, emptySuppressionLog());
      for (const [key, posting] of suppressionPostings(log)) {
        if (postingBuckets.has(key)) postingBuckets.set(key, applyBucketChanges(postingBuckets.get(key) as IdBucket, [{ customerId, value: posting }]));
      }
    }
    const members = applyBucketChanges(emptyIdBucket(), ['ann', 'bob', 'cy'].map((customerId) => ({ customerId, value: { since: day(0) } })));
    const decided = decideAudienceBucket(campaignWith(), new Date(day(3)), defaultSuppressionRules, members, [...postingBuckets.values()]);
    expect(decided.audience).toEqual({ ids: ['ann'], values: [] });
    expect(decided.excluded.ids).toEqual(['bob', 'cy']);
    expect(decided.excluded.values[0]).toMatchObject({ reasons: [{ rule: 'open-return' }, { rule: 'open-return' }] });
    expect(decided.excluded.values[1]).toEqual({ reasons: ['no-consent'] });
    expect(expandedReasons(['no-consent'], campaignWith())).toEqual([
      { rule: 'no-consent', productId: null, promotedAs: null, since: null, until: null, eventIds: [], message: 'no consent to marketing on email was ever given' },
    ]);
    expect(decided.counts).toEqual({
      members: 3,
      audience: 1,
      excluded: 2,
      byRule: { 'open-return': 1, 'recent-return': 0, 'open-complaint': 0, 'no-consent': 1, 'consent-withdrawn': 0 },
    });
  });
});
