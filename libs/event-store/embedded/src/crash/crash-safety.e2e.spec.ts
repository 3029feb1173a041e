import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@cdp/event-model';
import { Durability, openEmbeddedEventStore } from '../index';

/** Runs the appending child until it acknowledged `count` events, then kill -9; returns the acknowledgements. */
function appendThenKill(dataDir: string, durability: Durability, count: number): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    // The child runs the BUILT store (npm run test:e2e builds first): the code that ships.
    const child = spawn(process.execPath, [join(__dirname, 'append-until-killed.js'), dataDir, durability], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked = new Map<string, string>();
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [, stream, eventId] = line.split(' ');
        acked.set(eventId, stream);
      }
      if (acked.size >= count && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`child exited by itself: code ${code}`)),
    );
  });
}

describe.each(['full', 'normal'] as const)('the embedded store under kill -9 (durability %s)', (durability) => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'cdp-crash-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged append, exactly once, and reopens without manual recovery', async () => {
    const acked = await appendThenKill(dataDir, durability, 2_000);
    const store = openEmbeddedEventStore({ dataDir });
    try {
      const found: RecordedEvent[] = [];
      for await (const event of store.readAll()) found.push(event);
      const byId = new Map(found.map((event) => [event.eventId, event]));
      expect(byId.size).toBe(found.length);
      const missing = [...acked.keys()].filter((eventId) => !byId.has(eventId));
      expect(missing).toEqual([]);
      for (const [eventId, stream] of acked) expect(byId.get(eventId)?.streamId).toBe(stream);
      // Revisions in every stream are still contiguous from 0: no torn batch.
      const revisions = new Map<string, number[]>();
      for (const event of found) revisions.set(event.streamId, [...(revisions.get(event.streamId) ?? []), event.revision]);
      for (const list of revisions.values()) expect(list).toEqual(list.map((_, i) => i));
      // The lock left by the killed writer is taken over: this process can write.
      const { eventId: _, position: __, revision: ___, streamId: ____, ...copy } = found[0];
      const next = { ...copy, eventId: randomUUID() };
      await expect(store.appendToStream('customer-after-crash', [next])).resolves.toMatchObject({ nextExpectedRevision: 0 });
    } finally {
      await store.close();
    }
  });
});
