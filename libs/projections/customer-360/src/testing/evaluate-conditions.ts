import { Json, JsonObject } from '@cdp/event-model';
import { Condition } from '@cdp/read-store';

/**
 * A tiny evaluator of read-store conditions with the port's semantics (type-strict; `eq null` matches missing;
 * ranges never match null or missing), to check condition builders against the view without a store.
 */
export function matchesAll(body: JsonObject, conditions: readonly Condition[]): boolean {
  return conditions.every((condition) => matches(valueAt(body, condition.field), condition));
}

function valueAt(body: JsonObject, path: string): Json | undefined {
  let value: Json | undefined = body;
  for (const segment of path.split('.')) {
    value = typeof value === 'object' && value !== null && !Array.isArray(value) ? value[segment] : undefined;
  }
  return value;
}

function matches(value: Json | undefined, condition: Condition): boolean {
  const missing = value === undefined || value === null;
  switch (condition.op) {
    case 'eq':
      return condition.value === null ? missing : value === condition.value;
    case 'ne':
      return condition.value === null ? !missing : value !== condition.value;
    case 'in':
      return condition.values.some((candidate) => (candidate === null ? missing : value === candidate));
    case 'exists':
      return condition.value === (value !== undefined);
    default: {
      if (missing || typeof value !== typeof condition.value) return false;
      const [a, b] = [value as string | number, condition.value];
      if (condition.op === 'gt') return a > b;
      if (condition.op === 'gte') return a >= b;
      if (condition.op === 'lt') return a < b;
      return a <= b;
    }
  }
}
