import { InvalidSegmentConditionsError } from './invalid-conditions-error';
import { parseSegmentConditions } from './parse-conditions';

function issuesOf(raw: unknown): string[] {
  try {
    parseSegmentConditions(raw);
  } catch (error) {
    if (error instanceof InvalidSegmentConditionsError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected the conditions to be refused');
}

describe('the condition language', () => {
  it('points at a misspelt field, with the closest known name', () => {
    const raw = { all: [{ field: 'country', op: 'eq', value: 'FR' }, { consent: { channel: 'email' } }, { field: 'agee', op: 'gte', value: 30 }] };
    const [issue] = issuesOf(raw);
    expect(issue).toMatch(/^conditions\.all\[2\]\.field: unknown field "agee"; did you mean "age"\?/);
  });

  it('normalises what it accepts: defaults are written out, so the stored definition keeps its meaning', () => {
    const raw = {
      any: [
        { consent: { channel: 'email' } },
        { bought: { category: 'candles', withinDays: 90 } },
        { interacted: { channel: 'web', withinDays: 7 } },
        { campaign: { campaignId: 'spring-lights', action: 'clicked' } },
        { not: { field: 'country', op: 'in', values: ['FR', 'BE'] } },
      ],
    };
    expect(parseSegmentConditions(raw)).toEqual({
      any: [
        { consent: { channel: 'email', purpose: 'marketing' } },
        { bought: { category: 'candles', atLeast: 1, withinDays: 90 } },
        { interacted: { channel: 'web', withinDays: 7, atLeast: 1, direction: 'inbound' } },
        { campaign: { campaignId: 'spring-lights', action: 'clicked', withinDays: 366 } },
        { not: { field: 'country', op: 'in', values: ['FR', 'BE'] } },
      ],
    });
  });

  it('checks every value against its field, and reports all problems at once', () => {
    const issues = issuesOf({
      all: [
        { field: 'age', op: 'gte', value: '30' },
        { field: 'lifecycleStage', op: 'eq', value: 'activ' },
        { field: 'country', op: 'gt', value: 'F' },
        { field: 'rfmRecency', op: 'eq', value: 7 },
        { field: 'orderCount', op: 'lt', value: 2.5 },
      ],
    });
    expect(issues).toEqual([
      'conditions.all[0].value: age is a number: got "30"',
      'conditions.all[1].value: lifecycleStage is one of prospect, active, at-risk, churned: got "activ"; did you mean "active"?',
      'conditions.all[2].op: "gt" does not apply to country (string): use eq, ne, in, nin, exists',
      'conditions.all[3].value: rfmRecency is between 1 and 5: got 7',
      'conditions.all[4].value: orderCount is a whole number: got 2.5',
    ]);
  });

  it('refuses unknown keys, mixed nodes, empty groups and windows beyond the kept behaviour', () => {
    expect(issuesOf({ all: [] })).toEqual(['conditions.all: must be a non-empty array of conditions']);
    expect(issuesOf({ all: [{ field: 'age', op: 'eq', value: 3 }], any: [] })).toEqual([
      'conditions: mixes "all" and "any": one condition per object, combined with "all" or "any"',
    ]);
    expect(issuesOf({ bought: { product: 'A', withinDays: 400 } })).toEqual([
      'conditions.bought.withinDays: must be a whole number of days from 1 to 366 (the behaviour kept): got 400',
    ]);
    expect(issuesOf({ bought: { product: 'A', category: 'B', withinDays: 4 } })).toEqual([
      'conditions.bought: needs exactly one of "product" (a productId or sku) and "category"',
    ]);
    expect(issuesOf({ consent: { channel: 'emial', purpos: 'marketing' } })).toEqual([
      'conditions.consent.purpos: is not allowed here; did you mean "purpose"?; allowed: channel, purpose',
    ]);
    expect(issuesOf({ alll: [] })[0]).toMatch(/^conditions: is not a condition \("alll" is unknown; did you mean "all"\?\)/);
    expect(issuesOf('everyone')[0]).toMatch(/^conditions: must be a condition object/);
  });

  it('bounds the depth and the size of a tree', () => {
    let deep: unknown = { field: 'age', op: 'gte', value: 1 };
    for (let level = 0; level < 9; level++) deep = { not: deep };
    expect(issuesOf(deep)[0]).toMatch(/nests deeper than 8 levels/);
    const wide = { any: Array.from({ length: 201 }, () => ({ field: 'age', op: 'gte', value: 1 })) };
    expect(issuesOf(wide)).toEqual(['conditions: has 202 conditions; at most 200 are allowed: split the segment']);
  });
});
