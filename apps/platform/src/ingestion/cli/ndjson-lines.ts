import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface FileLine {
  /** From 1, as editors count. */
  lineNumber: number;
  text: string;
  /** How far into the file (compressed bytes for .gz) reading has got, 0..1. */
  fraction: number;
}

/** The raw bytes of a file, gunzipped when it ends in .gz, with the fraction read so far. */
export function fileText(path: string): { chunks: Readable; fraction(): number } {
  const size = statSync(path).size;
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const chunks: Readable = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => chunks.destroy(error));
  return { chunks, fraction: () => (size === 0 ? 1 : raw.bytesRead / size) };
}

/** The lines of a text file, gunzipped when it ends in .gz, with how much of the file is read. */
export async function* fileLines(path: string): AsyncGenerator<FileLine> {
  const { chunks, fraction } = fileText(path);
  let lineNumber = 0;
  for await (const text of createInterface({ input: chunks, crlfDelay: Infinity })) {
    lineNumber++;
    yield { lineNumber, text, fraction: fraction() };
  }
}
