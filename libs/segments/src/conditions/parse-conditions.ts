import { aggregateIdPattern, channels, consentPurposes } from '@cdp/event-model';
import { closestName } from './closest-name';
import { ConditionIssue, InvalidSegmentConditionsError } from './invalid-conditions-error';
import {
  campaignActions,
  comparisonOps,
  conditionOps,
  FieldValue,
  interactionDirections,
  listOps,
  maxConditionDepth,
  maxConditionNodes,
  maxWindowDays,
  SegmentCondition,
} from './segment-condition';
import { FieldSpec, fieldSpec, isSegmentField, segmentFieldNames } from './segment-fields';

type Raw = Record<string, unknown>;

const nodeKinds = ['all', 'any', 'not', 'field', 'consent', 'bought', 'interacted', 'campaign'] as const;
const describeKinds = '{"all": [...]}, {"any": [...]}, {"not": {...}}, {"field", "op", "value"}, {"consent": {...}}, {"bought": {...}}, {"interacted": {...}} or {"campaign": {...}}';

/**
 * The condition tree as analysts write it (JSON), checked and normalised (defaults made explicit, so a stored
 * definition keeps its meaning if a default changes). Every problem is reported with its path, e.g.
 * `conditions.all[2].field: unknown field "agee"; did you mean "age"?`.
 * @throws InvalidSegmentConditionsError
 */
export function parseSegmentConditions(raw: unknown, path = 'conditions'): SegmentCondition {
  const parser = new ConditionParser();
  const condition = parser.node(raw, path, 1);
  if (parser.issues.length === 0 && parser.nodes > maxConditionNodes) {
    parser.issues.push({ path, message: `has ${parser.nodes} conditions; at most ${maxConditionNodes} are allowed: split the segment` });
  }
  if (parser.issues.length > 0) throw new InvalidSegmentConditionsError(parser.issues);
  return condition as SegmentCondition;
}

class ConditionParser {
  readonly issues: ConditionIssue[] = [];
  nodes = 0;

  node(raw: unknown, path: string, depth: number): SegmentCondition | undefined {
    this.nodes++;
    if (!isObject(raw)) return this.fail(path, `must be a condition object: ${describeKinds}`);
    if (depth > maxConditionDepth) return this.fail(path, `nests deeper than ${maxConditionDepth} levels: flatten it with "all" or "any"`);
    const kinds = nodeKinds.filter((kind) => kind in raw);
    if (kinds.length === 0) {
      const [first] = Object.keys(raw);
      const hint = first === undefined ? '' : suggestion(first, nodeKinds);
      return this.fail(path, `is not a condition${first === undefined ? '' : ` ("${first}" is unknown${hint})`}: use ${describeKinds}`);
    }
    if (kinds.length > 1) return this.fail(path, `mixes ${kinds.map((kind) => `"${kind}"`).join(' and ')}: one condition per object, combined with "all" or "any"`);
    switch (kinds[0]) {
      case 'all':
      case 'any':
        return this.group(raw, kinds[0], path, depth);
      case 'not':
        return this.only(raw, ['not'], path) ? this.negation(raw.not, `${path}.not`, depth) : undefined;
      case 'field':
        return this.field(raw, path);
      case 'consent':
        return this.consent(raw, path);
      case 'bought':
        return this.bought(raw, path);
      case 'interacted':
        return this.interacted(raw, path);
      case 'campaign':
        return this.campaign(raw, path);
    }
  }

  private group(raw: Raw, kind: 'all' | 'any', path: string, depth: number): SegmentCondition | undefined {
    if (!this.only(raw, [kind], path)) return undefined;
    const items = raw[kind];
    if (!Array.isArray(items) || items.length === 0) return this.fail(`${path}.${kind}`, 'must be a non-empty array of conditions');
    const children = items.map((item, index) => this.node(item, `${path}.${kind}[${index}]`, depth + 1));
    return (kind === 'all' ? { all: children } : { any: children }) as SegmentCondition;
  }

  private negation(raw: unknown, path: string, depth: number): SegmentCondition | undefined {
    const child = this.node(raw, path, depth + 1);
    return child && { not: child };
  }

  private field(raw: Raw, path: string): SegmentCondition | undefined {
    const { field, op } = raw;
    if (typeof field !== 'string' || !isSegmentField(field)) {
      const shown = typeof field === 'string' ? `"${field}"` : JSON.stringify(field);
      const hint = typeof field === 'string' ? suggestion(field, segmentFieldNames) : '';
      return this.fail(`${path}.field`, `unknown field ${shown}${hint}; the fields are ${segmentFieldNames.join(', ')}`);
    }
    const spec = fieldSpec(field);
    if (typeof op !== 'string' || !(conditionOps as readonly string[]).includes(op)) {
      return this.fail(`${path}.op`, `must be one of ${opsFor(spec).join(', ')} for ${field}`);
    }
    if (!opsFor(spec).includes(op)) return this.fail(`${path}.op`, `"${op}" does not apply to ${field} (${spec.type}): use ${opsFor(spec).join(', ')}`);
    if ((listOps as readonly string[]).includes(op)) {
      if (!this.only(raw, ['field', 'op', 'values'], path)) return undefined;
      const values = raw.values;
      if (!Array.isArray(values) || values.length === 0 || values.length > 1000) {
        return this.fail(`${path}.values`, `must be an array of 1 to 1000 ${spec.type}s for "${op}"`);
      }
      const checked = values.map((value, index) => this.value(value, spec, field, `${path}.values[${index}]`));
      return { field, op: op as 'in' | 'nin', values: checked as FieldValue[] };
    }
    if (!this.only(raw, ['field', 'op', 'value'], path)) return undefined;
    if (op === 'exists') {
      if (typeof raw.value !== 'boolean') return this.fail(`${path}.value`, 'must be true or false for "exists"');
      return { field, op: 'exists', value: raw.value };
    }
    const value = this.value(raw.value, spec, field, `${path}.value`);
    return value === undefined ? undefined : { field, op: op as (typeof comparisonOps)[number], value };
  }

  private value(value: unknown, spec: FieldSpec, field: string, path: string): FieldValue | undefined {
    if (typeof value !== spec.type || (typeof value === 'number' && !Number.isFinite(value))) {
      return this.fail(path, `${field} is a ${spec.type}: got ${JSON.stringify(value) ?? 'nothing'}`);
    }
    if (spec.values && !spec.values.includes(value as string)) {
      return this.fail(path, `${field} is one of ${spec.values.join(', ')}: got ${JSON.stringify(value)}${suggestion(String(value), spec.values)}`);
    }
    if (typeof value === 'number') {
      if (spec.integer && !Number.isInteger(value)) return this.fail(path, `${field} is a whole number: got ${value}`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return this.fail(path, `${field} is between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}: got ${value}`);
      }
    }
    if (typeof value === 'string' && (value.length === 0 || value.length > 200)) return this.fail(path, `must be 1 to 200 characters`);
    return value as FieldValue;
  }

  private consent(raw: Raw, path: string): SegmentCondition | undefined {
    if (!this.only(raw, ['consent'], path)) return undefined;
    const body = this.body(raw.consent, `${path}.consent`, ['channel', 'purpose']);
    if (!body) return undefined;
    const channel = this.oneOf(body.channel, channels, `${path}.consent.channel`);
    const purpose = body.purpose === undefined ? 'marketing' : this.oneOf(body.purpose, consentPurposes, `${path}.consent.purpose`);
    return channel && purpose ? ({ consent: { channel, purpose } } as SegmentCondition) : undefined;
  }

  private bought(raw: Raw, path: string): SegmentCondition | undefined {
    if (!this.only(raw, ['bought'], path)) return undefined;
    const at = `${path}.bought`;
    const body = this.body(raw.bought, at, ['product', 'category', 'atLeast', 'withinDays']);
    if (!body) return undefined;
    if ((body.product === undefined) === (body.category === undefined)) return this.fail(at, 'needs exactly one of "product" (a productId or sku) and "category"');
    const target = body.product !== undefined ? this.text(body.product, `${at}.product`, 64) : this.text(body.category, `${at}.category`, 100);
    const atLeast = this.count(body.atLeast, `${at}.atLeast`);
    const withinDays = this.days(body.withinDays, `${at}.withinDays`, true);
    if (target === undefined || atLeast === undefined || withinDays === undefined) return undefined;
    const what = body.product !== undefined ? { product: target } : { category: target };
    return { bought: { ...what, atLeast, withinDays } } as SegmentCondition;
  }

  private interacted(raw: Raw, path: string): SegmentCondition | undefined {
    if (!this.only(raw, ['interacted'], path)) return undefined;
    const at = `${path}.interacted`;
    const body = this.body(raw.interacted, at, ['channel', 'withinDays', 'atLeast', 'direction']);
    if (!body) return undefined;
    const channel = this.oneOf(body.channel, channels, `${at}.channel`);
    const withinDays = this.days(body.withinDays, `${at}.withinDays`, true);
    const atLeast = this.count(body.atLeast, `${at}.atLeast`);
    const direction = body.direction === undefined ? 'inbound' : this.oneOf(body.direction, interactionDirections, `${at}.direction`);
    if (!channel || withinDays === undefined || atLeast === undefined || !direction) return undefined;
    return { interacted: { channel, withinDays, atLeast, direction } } as SegmentCondition;
  }

  private campaign(raw: Raw, path: string): SegmentCondition | undefined {
    if (!this.only(raw, ['campaign'], path)) return undefined;
    const at = `${path}.campaign`;
    const body = this.body(raw.campaign, at, ['campaignId', 'action', 'withinDays']);
    if (!body) return undefined;
    let campaignId: string | undefined;
    if (typeof body.campaignId !== 'string' || !aggregateIdPattern.test(body.campaignId)) {
      this.fail(`${at}.campaignId`, 'must be a campaign id: 1 to 128 letters, digits or . _ : @ + -');
    } else campaignId = body.campaignId;
    const action = this.oneOf(body.action, campaignActions, `${at}.action`);
    const withinDays = body.withinDays === undefined ? maxWindowDays : this.days(body.withinDays, `${at}.withinDays`, false);
    if (!campaignId || !action || withinDays === undefined) return undefined;
    return { campaign: { campaignId, action, withinDays } } as SegmentCondition;
  }

  private body(raw: unknown, path: string, allowed: readonly string[]): Raw | undefined {
    if (!isObject(raw)) return this.fail(path, `must be an object with ${allowed.join(', ')}`);
    return this.only(raw, allowed, path) ? raw : undefined;
  }

  private only(raw: Raw, allowed: readonly string[], path: string): boolean {
    const unknown = Object.keys(raw).filter((key) => !allowed.includes(key));
    for (const key of unknown) this.fail(`${path}.${key}`, `is not allowed here${suggestion(key, allowed)}; allowed: ${allowed.join(', ')}`);
    return unknown.length === 0;
  }

  private oneOf<T extends string>(value: unknown, values: readonly T[], path: string): T | undefined {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    const hint = typeof value === 'string' ? suggestion(value, values) : '';
    return this.fail(path, `must be one of ${values.join(', ')}: got ${JSON.stringify(value) ?? 'nothing'}${hint}`);
  }

  private text(value: unknown, path: string, maxLength: number): string | undefined {
    if (typeof value === 'string' && value.length >= 1 && value.length <= maxLength) return value;
    return this.fail(path, `must be a string of 1 to ${maxLength} characters`);
  }

  private count(value: unknown, path: string): number | undefined {
    if (value === undefined) return 1;
    if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 1000) return value as number;
    return this.fail(path, `must be a whole number from 1 to 1000: got ${JSON.stringify(value)}`);
  }

  private days(value: unknown, path: string, required: boolean): number | undefined {
    if (value === undefined && required) return this.fail(path, `is required: the window in days, 1 to ${maxWindowDays}`);
    if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= maxWindowDays) return value as number;
    return this.fail(path, `must be a whole number of days from 1 to ${maxWindowDays} (the behaviour kept): got ${JSON.stringify(value)}`);
  }

  private fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }
}

function opsFor(spec: FieldSpec): string[] {
  if (spec.type === 'boolean') return ['eq', 'ne', 'exists'];
  if (spec.type === 'string') return ['eq', 'ne', 'in', 'nin', 'exists'];
  return [...conditionOps];
}

function suggestion(name: string, known: readonly string[]): string {
  const close = closestName(name, known);
  return close && close !== name ? `; did you mean "${close}"?` : '';
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
