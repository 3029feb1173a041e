import { FieldCondition, SegmentCondition } from '../conditions/segment-condition';
import { fieldSpec } from '../conditions/segment-fields';
import { changesAt, EvaluationContext } from './evaluation-context';
import { dayCountReachedAt, FieldReading, readField } from './field-values';
import { SegmentRules } from './segment-rules';
import { SegmentSubject } from './segment-subject';
import { boughtTest, campaignResponseTest, interactedTest } from './window-tests';

/** A condition ready to run: true when the subject matches at `context.now`. */
export type CompiledCondition = (subject: SegmentSubject, context: EvaluationContext) => boolean;

/**
 * Turns a parsed condition into a closure, once per definition: evaluating a customer against a hundred segments
 * then costs a hundred closure calls, with no interpretation of the JSON. `all` and `any` stop at the first
 * deciding child: an unread child cannot change the answer before a read one does, so the moments noted in the
 * context are still the earliest the answer could change.
 */
export function compileCondition(condition: SegmentCondition, rules: SegmentRules): CompiledCondition {
  if ('all' in condition) {
    const children = condition.all.map((child) => compileCondition(child, rules));
    return (subject, context) => children.every((child) => child(subject, context));
  }
  if ('any' in condition) {
    const children = condition.any.map((child) => compileCondition(child, rules));
    return (subject, context) => children.some((child) => child(subject, context));
  }
  if ('not' in condition) {
    const child = compileCondition(condition.not, rules);
    return (subject, context) => !child(subject, context);
  }
  if ('consent' in condition) {
    const key = `${condition.consent.channel}/${condition.consent.purpose}`;
    return (subject) => subject.facts.consents.includes(key);
  }
  if ('bought' in condition) return boughtTest(condition.bought);
  if ('interacted' in condition) return interactedTest(condition.interacted);
  if ('campaign' in condition) return campaignResponseTest(condition.campaign);
  return fieldTest(condition, rules);
}

function fieldTest(condition: FieldCondition, rules: SegmentRules): CompiledCondition {
  const { field } = condition;
  const spec = fieldSpec(field);
  const boundaries = spec.type === 'number' ? dayBoundaries(condition) : [];
  const matches = comparison(condition);
  return (subject, context) => {
    const value = readField(field, subject, context, rules);
    for (const days of boundaries) {
      const at = dayCountReachedAt(field, subject, days);
      if (at !== null) changesAt(context, at);
    }
    return matches(value);
  };
}

/** The values a comparison flips at, for a day count that grows by one each day: v and v + 1 cover every operator. */
function dayBoundaries(condition: FieldCondition): number[] {
  if (condition.op === 'exists') return [];
  const values = 'values' in condition ? condition.values : [condition.value];
  return values.filter((value): value is number => typeof value === 'number').flatMap((value) => [value, value + 1]);
}

/** Missing values: `eq`, `in`, ranges and `exists: true` fail; `ne`, `nin` and `exists: false` hold (as the read store's conditions). */
function comparison(condition: FieldCondition): (value: FieldReading) => boolean {
  switch (condition.op) {
    case 'exists':
      return (value) => (value !== null) === condition.value;
    case 'in': {
      const values = new Set<unknown>(condition.values);
      return (value) => value !== null && values.has(value);
    }
    case 'nin': {
      const values = new Set<unknown>(condition.values);
      return (value) => value === null || !values.has(value);
    }
    case 'eq':
      return (value) => value !== null && value === condition.value;
    case 'ne':
      return (value) => value === null || value !== condition.value;
    default: {
      const bound = condition.value as number;
      const test = { gt: (a: number) => a > bound, gte: (a: number) => a >= bound, lt: (a: number) => a < bound, lte: (a: number) => a <= bound }[condition.op];
      return (value) => typeof value === 'number' && test(value);
    }
  }
}
