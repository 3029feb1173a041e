import { JsonSchema } from '../json-schema';

/**
 * A small JSON Schema (2020-12) checker for the tests: only the keywords our generated schemas use.
 * An unknown keyword throws, so a schema can never pass because the checker skipped what it says.
 * (ajv would do; it is not a dependency of the platform.)
 */
export function jsonSchemaErrors(schema: JsonSchema, value: unknown, registry: readonly JsonSchema[] = []): string[] {
  const byId = new Map(registry.map((entry) => [entry.$id as string, entry]));
  if (typeof schema.$id === 'string') byId.set(schema.$id, schema);
  return check(schema, value, '$', schema, byId);
}

const annotations = new Set(['$schema', '$id', '$defs', 'title', 'description', 'examples', 'default']);
const formats: Record<string, RegExp> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

function check(schema: JsonSchema, value: unknown, at: string, root: JsonSchema, byId: Map<string, JsonSchema>): string[] {
  const errors: string[] = [];
  const sub = (child: JsonSchema, childValue: unknown, childAt: string, childRoot = root) =>
    check(child, childValue, childAt, childRoot, byId);
  for (const [keyword, argument] of Object.entries(schema)) {
    if (annotations.has(keyword) || keyword.startsWith('x-')) continue;
    const arg = argument as never;
    switch (keyword) {
      case '$ref': {
        const [base, fragment = ''] = (arg as string).split('#');
        const document = base ? byId.get(base) : root;
        if (!document) throw new Error(`unresolved $ref ${arg}`);
        const target = fragment
          .split('/')
          .filter(Boolean)
          .reduce<unknown>((node, key) => (node as JsonSchema)[key], document) as JsonSchema | undefined;
        if (!target) throw new Error(`unresolved $ref ${arg}`);
        errors.push(...sub(target, value, at, document));
        break;
      }
      case 'type':
        if (!hasType(value, arg)) errors.push(`${at}: must be of type ${arg}`);
        break;
      case 'enum':
        if (!(arg as unknown[]).includes(value)) errors.push(`${at}: must be one of ${(arg as unknown[]).join(', ')}`);
        break;
      case 'const':
        if (value !== arg) errors.push(`${at}: must be ${arg}`);
        break;
      case 'properties':
        if (isObject(value)) {
          for (const [property, child] of Object.entries(arg as Record<string, JsonSchema>)) {
            if (property in value) errors.push(...sub(child, value[property], `${at}.${property}`));
          }
        }
        break;
      case 'required':
        if (isObject(value)) {
          for (const property of arg as string[]) if (!(property in value)) errors.push(`${at}.${property}: is required`);
        }
        break;
      case 'additionalProperties':
        if (arg !== false) throw new Error('only additionalProperties: false is supported');
        if (isObject(value)) {
          const known = Object.keys((schema.properties ?? {}) as object);
          for (const property of Object.keys(value)) if (!known.includes(property)) errors.push(`${at}.${property}: is not allowed`);
        }
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, index) => errors.push(...sub(arg, item, `${at}[${index}]`)));
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < arg) errors.push(`${at}: needs at least ${arg} items`);
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > arg) errors.push(`${at}: has more than ${arg} items`);
        break;
      case 'minLength':
        if (typeof value === 'string' && [...value].length < arg) errors.push(`${at}: is shorter than ${arg}`);
        break;
      case 'maxLength':
        if (typeof value === 'string' && [...value].length > arg) errors.push(`${at}: is longer than ${arg}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg, 'u').test(value)) errors.push(`${at}: does not match ${arg}`);
        break;
      case 'format': {
        const format = formats[arg];
        if (!format) throw new Error(`unsupported format ${arg}`);
        if (typeof value === 'string' && !format.test(value)) errors.push(`${at}: is not a valid ${arg}`);
        break;
      }
      case 'minimum':
        if (typeof value === 'number' && value < arg) errors.push(`${at}: is less than ${arg}`);
        break;
      case 'allOf':
        for (const child of arg as JsonSchema[]) errors.push(...sub(child, value, at));
        break;
      case 'anyOf':
        if (!(arg as JsonSchema[]).some((child) => sub(child, value, at).length === 0)) errors.push(`${at}: matches none of anyOf`);
        break;
      case 'oneOf': {
        const matching = (arg as JsonSchema[]).filter((child) => sub(child, value, at).length === 0).length;
        if (matching !== 1) errors.push(`${at}: matches ${matching} of oneOf, not exactly 1`);
        break;
      }
      case 'if': {
        const branch = sub(arg, value, at).length === 0 ? schema.then : schema.else;
        if (branch) errors.push(...sub(branch as JsonSchema, value, at));
        break;
      }
      case 'then':
      case 'else':
        break;
      default:
        throw new Error(`the test checker does not know the keyword ${keyword}`);
    }
  }
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}
