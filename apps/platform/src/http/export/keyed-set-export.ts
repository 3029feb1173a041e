import { KeyedBuckets } from '@cdp/audiences';
import type { Response } from 'express';
import { formatOf, SetPageParams } from '../params/set-page.params';
import { linesOf, withHeader } from './async-lines';
import { csvLine } from './csv-line';
import { streamLines } from './stream-lines';

/** How one keyed set (a segment's members, an audience) reads as JSON items and as CSV rows. */
export interface KeyedSetShape {
  /** The CSV file's name. */
  file: string;
  item(customerId: string, value: unknown): object;
  csvHeader: string[];
  /** One or more rows per entry. */
  csvRows(customerId: string, value: unknown): (string | null)[][];
  page(items: object[], nextCursor: string | null): object;
}

/**
 * A page of the key's entries as JSON (follow nextCursor), or all of them streamed as CSV or NDJSON, as `format` or the
 * Accept header asks: a million entries pass through a bucket at a time.
 */
export async function exportKeyedSet(sets: KeyedBuckets, key: string, { limit = 100, cursor, format }: SetPageParams, res: Response, shape: KeyedSetShape): Promise<unknown> {
  const chosen = formatOf(format, res.req.headers.accept);
  if (chosen === 'json') {
    const page = await sets.page(key, limit, cursor);
    return shape.page(page.items.map(({ id, value }) => shape.item(id, value)), page.nextCursor);
  }
  if (chosen === 'csv') {
    res.setHeader('Content-Disposition', `attachment; filename="${shape.file}"`);
    const rows = linesOf(sets.entries(key), ({ id, value }) => shape.csvRows(id, value).map(csvLine).join(''));
    await streamLines(res, 'text/csv; charset=utf-8', withHeader(csvLine(shape.csvHeader), rows));
  } else {
    await streamLines(res, 'application/x-ndjson', linesOf(sets.entries(key), ({ id, value }) => `${JSON.stringify(shape.item(id, value))}\n`));
  }
  return undefined;
}
