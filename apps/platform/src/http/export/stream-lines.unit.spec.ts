import type { Response } from 'express';
import { once } from 'node:events';
import { createServer, get, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { streamLines } from './stream-lines';

const line = `${'x'.repeat(64 * 1024 - 1)}\n`;

/** What the exporter saw: how far the producer was read, and the listeners left on the response at each read. */
interface Producer {
  lines: AsyncIterable<string>;
  pulled: () => number;
  finished: () => boolean;
  maxListeners: () => number;
}

function producer(total: number, response: () => ServerResponse | undefined): Producer {
  let pulled = 0;
  let finished = false;
  let maxListeners = 0;
  async function* lines(): AsyncGenerator<string> {
    try {
      for (; pulled < total; ) {
        pulled += 1;
        const res = response();
        if (res) maxListeners = Math.max(maxListeners, res.listenerCount('close') + res.listenerCount('drain'));
        yield line;
      }
    } finally {
      finished = true;
    }
  }
  return { lines: lines(), pulled: () => pulled, finished: () => finished, maxListeners: () => maxListeners };
}

/** A real HTTP server whose one route streams `lines` through streamLines, as the controller does. */
async function serve(handler: (res: Response) => Promise<void>): Promise<{ server: Server; url: string; outcome: Promise<unknown> }> {
  let settle!: (value: unknown) => void;
  const outcome = new Promise((resolve) => (settle = resolve));
  const server = createServer((_req, res) => {
    const express = Object.assign(res, { status: (code: number) => ((res.statusCode = code), express) }) as unknown as Response;
    handler(express).then(
      () => settle('done'),
      (error: unknown) => settle(error),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, outcome };
}

async function request(url: string): Promise<IncomingMessage> {
  const req = get(url);
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  return res;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('streamLines', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('reads no further than the socket takes, and sends every line once the client reads', async () => {
    let res: ServerResponse | undefined;
    const total = 2_000; // 125 MiB: far more than any socket buffer
    const lines = producer(total, () => res);
    const served = await serve((response) => ((res = response as unknown as ServerResponse), streamLines(response, 'text/plain', lines.lines)));
    server = served.server;
    const answer = await request(served.url);
    answer.pause();
    await settled();
    const pulledWhilePaused = lines.pulled();
    await settled();
    expect(lines.pulled()).toBe(pulledWhilePaused);
    expect(pulledWhilePaused).toBeLessThan(total / 4);

    let bytes = 0;
    answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
    answer.resume();
    await once(answer, 'end');
    expect(bytes).toBe(total * line.length);
    expect(await served.outcome).toBe('done');
    expect(lines.finished()).toBe(true);
    // One close listener of its own and one pair per wait at most, whatever the number of waits.
    expect(lines.maxListeners()).toBeLessThanOrEqual(4);
  });

  it('stops reading when the client goes away', async () => {
    let res: ServerResponse | undefined;
    const lines = producer(1_000_000, () => res);
    const served = await serve((response) => ((res = response as unknown as ServerResponse), streamLines(response, 'text/plain', lines.lines)));
    server = served.server;
    const answer = await request(served.url);
    answer.pause();
    await settled();
    answer.destroy();
    expect(await served.outcome).toBe('done');
    expect(lines.finished()).toBe(true);
    expect(lines.pulled()).toBeLessThan(1_000);
  });

  it('leaves the response untouched when the lines fail before the first one', async () => {
    let res: ServerResponse | undefined;
    const refused = new Error('rfm and rfmFrequency disagree');
    async function* failing(): AsyncGenerator<string> {
      await Promise.resolve();
      throw refused;
    }
    const served = await serve(async (response) => {
      res = response as unknown as ServerResponse;
      try {
        await streamLines(response, 'text/csv', failing());
      } finally {
        expect(res.headersSent).toBe(false);
        res.statusCode = 400;
        res.end('refused');
      }
    });
    server = served.server;
    const answer = await request(served.url);
    expect(answer.statusCode).toBe(400);
    expect(await served.outcome).toBe(refused);
  });
});
