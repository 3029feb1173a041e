export const defaultOnlineRetailFile = process.env.ONLINE_RETAIL_CSV ?? '../shared/datasets/online-retail/online-retail.csv.gz';

export type ImportArguments =
  | { kind: 'ndjson'; file: string; rejectsFile: string }
  | { kind: 'online-retail'; file: string; rejectsFile: string }
  | { kind: 'help' };

export const usage = `Imports events into the platform's event store, through the same checks and write path as Kafka and HTTP.

Usage:
  npm run import -- <events.ndjson[.gz]>           one ingestion message per line (docs/events.md)
  npm run import -- --online-retail [<file.csv.gz>] the UCI Online Retail data set (docs/online-retail-import.md)
                                                    default file: ${defaultOnlineRetailFile}
Options:
  --rejects <file>   where refused messages go, one JSON line each with the reason (default: import-rejected.ndjson)

Importing a file again records nothing new: event ids derive from the content.
The store is the one the environment configures (EVENT_STORE, EVENT_STORE_DATA_DIR, …), as for npm start.
With the embedded store, stop the platform first (one writer at a time), or send the events to POST /v1/events.`;

export class ImportArgumentsError extends Error {}

export function parseImportArguments(argv: readonly string[]): ImportArguments {
  const args = [...argv];
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  let rejectsFile = 'import-rejected.ndjson';
  const rejectsAt = args.indexOf('--rejects');
  if (rejectsAt >= 0) {
    const value = args[rejectsAt + 1];
    if (value === undefined || value.startsWith('--')) throw new ImportArgumentsError('--rejects needs a file name');
    rejectsFile = value;
    args.splice(rejectsAt, 2);
  }
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--online-retail');
  if (unknown.length > 0) throw new ImportArgumentsError(`unknown option ${unknown[0]}`);
  if (args[0] === '--online-retail') {
    if (args.length > 2) throw new ImportArgumentsError('--online-retail takes at most one file');
    return { kind: 'online-retail', file: args[1] ?? defaultOnlineRetailFile, rejectsFile };
  }
  if (args.length !== 1) throw new ImportArgumentsError('give one file to import');
  return { kind: 'ndjson', file: args[0], rejectsFile };
}
