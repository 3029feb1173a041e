import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { OnlineRetailRecord, onlineRetailColumns } from '../invoice-line';

export class UnexpectedCsvHeaderError extends Error {
  readonly code = 'ONLINE_RETAIL_UNEXPECTED_HEADER';
  constructor(header: readonly string[]) {
    super(
      `The CSV header is "${header.join(',')}"; an Online Retail file starts with "${onlineRetailColumns.join(',')}". ` +
        'Is this the right file, and is it gunzipped?',
    );
  }
}

export type CsvItem = { readonly record: OnlineRetailRecord } | { readonly malformed: true };

/**
 * Streams the records of the CSV text. A record the parser cannot read (wrong column count,
 * broken quotes) is yielded as `malformed` so that it is counted, not fatal.
 */
export async function* readCsvRecords(csv: AsyncIterable<string | Buffer>): AsyncGenerator<CsvItem> {
  let malformed = 0;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim());
      if (names.join(',') !== onlineRetailColumns.join(',')) throw new UnexpectedCsvHeaderError(names);
      return names;
    },
    // Naming the delimiters spares csv-parse a Buffer allocation per character while it would
    // still be discovering them: a third of the time of the whole import.
    record_delimiter: ['\r\n', '\n'],
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: () => {
      malformed += 1;
      return undefined;
    },
  });
  const source = Readable.from(csv);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<OnlineRetailRecord>) {
      for (; malformed > 0; malformed -= 1) yield { malformed: true };
      yield { record };
    }
    for (; malformed > 0; malformed -= 1) yield { malformed: true };
  } finally {
    source.destroy();
    parser.destroy();
  }
}
