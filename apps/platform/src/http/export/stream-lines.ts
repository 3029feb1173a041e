import type { Response } from 'express';

/**
 * Writes lines as they come, waiting for the socket to drain: an export of a million customers holds one
 * page in memory, never the whole result. A client that goes away stops the read.
 *
 * The status goes out with the first line, not before: until then a bad parameter or an unavailable store
 * still gets its problem response.
 */
export async function streamLines(res: Response, contentType: string, lines: AsyncIterable<string>): Promise<void> {
  const iterator = lines[Symbol.asyncIterator]();
  let next = await iterator.next();
  res.status(200).setHeader('Content-Type', contentType);
  let gone = false;
  const onClose = () => (gone = true);
  res.once('close', onClose);
  try {
    while (!next.done) {
      if (!res.write(next.value)) await drainedOrClosed(res);
      if (gone || res.destroyed) {
        await iterator.return?.();
        return;
      }
      next = await iterator.next();
    }
  } catch (error) {
    // The status line is gone: cutting the connection is the only way to tell the client the export is incomplete.
    res.destroy(error as Error);
    throw error;
  } finally {
    res.off('close', onClose);
  }
  res.end();
}

/** One pair of listeners per wait, both removed when either fires: a long export must not pile them up. */
function drainedOrClosed(res: Response): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
