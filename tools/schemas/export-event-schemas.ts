// Writes the JSON Schemas of the event catalogue to docs/schemas, generated from the DTOs of libs/event-model.
//   node --conditions=@cdp/source -r ./bench/register.js tools/schemas/export-event-schemas.ts [--check]
// --check writes nothing and fails when the committed files differ from what the catalogue generates.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventSchemaFiles } from '@cdp/event-model';

const directory = resolve(__dirname, '../../docs/schemas');
const checkOnly = process.argv.includes('--check');

const wanted = eventSchemaFiles();
const present = existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith('.json')) : [];
const stale = present.filter((name) => !wanted.has(name));
const changed = [...wanted].filter(([name, text]) => !present.includes(name) || readFileSync(join(directory, name), 'utf8') !== text);

if (checkOnly) {
  for (const name of stale) console.error(`docs/schemas/${name}: no event type generates it any more`);
  for (const [name] of changed) console.error(`docs/schemas/${name}: differs from the catalogue`);
  if (stale.length + changed.length > 0) {
    console.error('Run: node --conditions=@cdp/source -r ./bench/register.js tools/schemas/export-event-schemas.ts');
    process.exitCode = 1;
  }
} else {
  mkdirSync(directory, { recursive: true });
  for (const name of stale) rmSync(join(directory, name));
  for (const [name, text] of changed) writeFileSync(join(directory, name), text);
  console.log(`docs/schemas: ${wanted.size} files, ${changed.length} written, ${stale.length} removed`);
}
