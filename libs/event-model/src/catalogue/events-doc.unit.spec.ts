import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestionMessageJsonSchema } from '../json-schema/ingestion-message-schema';
import { eventDataJsonSchema, eventJsonSchemas } from '../json-schema/event-json-schemas';
import { JsonSchema } from '../json-schema/json-schema';
import { jsonSchemaErrors } from '../json-schema/testing/json-schema-check';
import { eventCatalogue } from '.';

// docs/events.md is written by hand for people; these checks keep it true to the catalogue.
const doc = readFileSync(join(__dirname, '../../../../docs/events.md'), 'utf8');

/** The text under the heading "#### `Type` vN", up to the next heading. */
function section(type: string, version: number): string {
  const start = doc.indexOf(`#### \`${type}\` v${version}`);
  if (start < 0) return '';
  const body = doc.indexOf('\n', start);
  const next = doc.slice(body).search(/^#{2,4} /m);
  return next < 0 ? doc.slice(start) : doc.slice(start, body + next);
}

const jsonBlocks = (text: string): unknown[] => [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]));

/** Field paths as the tables write them: `address.city`, `lines[].sku`. */
function fieldPaths(schema: JsonSchema, root = schema, prefix = ''): string[] {
  const resolve = (node: JsonSchema) =>
    typeof node.$ref === 'string' ? (root.$defs as Record<string, JsonSchema>)[node.$ref.replace('#/$defs/', '')] : node;
  return Object.entries((resolve(schema).properties ?? {}) as Record<string, JsonSchema>).flatMap(([name, child]) => {
    const path = `${prefix}${name}`;
    const element = child.type === 'array' ? resolve(child.items as JsonSchema) : resolve(child);
    const nested = element.type === 'object' ? fieldPaths(element, root, child.type === 'array' ? `${path}[].` : `${path}.`) : [];
    return [path, ...nested];
  });
}

describe('docs/events.md', () => {
  const versions = eventJsonSchemas().map(({ type, schemaVersion, current }) => [`${type} v${schemaVersion}`, type, schemaVersion, current] as const);

  it.each(versions)('documents %s with examples its schema accepts', (_name, type, version) => {
    const text = section(type, version);
    expect(text).not.toBe('');
    const examples = jsonBlocks(text);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(eventCatalogue.validate(type, version, example)).toEqual([]);
      expect(jsonSchemaErrors(eventDataJsonSchema(type, version), example)).toEqual([]);
    }
  });

  it.each(versions.filter(([, , , current]) => current))('lists every field of %s, personal ones marked as such', (_name, type, version) => {
    const text = section(type, version);
    const rows = text.split('\n').filter((line) => line.startsWith('| `'));
    const documented = rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
    expect(documented).toEqual(fieldPaths(eventDataJsonSchema(type, version)));
    const personal = rows.filter((row) => row.includes('**personal**')).map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
    expect(personal).toEqual(eventCatalogue.personalDataPaths(type, version).map((path) => path.join('.')));
  });

  it('gives an ingestion message example that its schema accepts', () => {
    const start = doc.indexOf('## The ingestion message');
    const text = doc.slice(start, doc.indexOf('\n## ', start + 1));
    const [example] = jsonBlocks(text);
    expect(jsonSchemaErrors(ingestionMessageJsonSchema(), example, eventJsonSchemas().map(({ schema }) => schema))).toEqual([]);
  });
});
