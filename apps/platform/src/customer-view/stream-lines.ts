import type { Response } from 'express';
import { once } from 'node:events';

/**
 * Writes lines as they come, waiting for the socket to drain: an export of a million customers holds one
 * page in memory, never the whole result. A client that goes away stops the read.
 */
export async function streamLines(res: Response, contentType: string, lines: AsyncIterable<string>): Promise<void> {
  res.status(200).setHeader('Content-Type', contentType);
  let closed = false;
  res.on('close', () => (closed = true));
  try {
    for await (const line of lines) {
      if (closed) break;
      if (!res.write(line)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  } catch (error) {
    // The status line is gone: cutting the connection is the only way to tell the client the export is incomplete.
    res.destroy(error as Error);
    throw error;
  }
  res.end();
}
