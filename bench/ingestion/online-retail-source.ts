import { IngestionMessage, onlineRetailMessages, OnlineRetailSummaryAccumulator } from '@cdp/online-retail-import';
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The messages the Online Retail importer makes of the whole file, in its order. */
export async function readOnlineRetailMessages(file: string): Promise<IngestionMessage[]> {
  if (!existsSync(file)) throw new Error(`the Online Retail file ${file} is missing: set ONLINE_RETAIL_CSV to its path`);
  const raw = createReadStream(file);
  const text: Readable = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const summary = new OnlineRetailSummaryAccumulator();
  const messages: IngestionMessage[] = [];
  for await (const message of onlineRetailMessages(text, { summary })) messages.push(message);
  return messages;
}
