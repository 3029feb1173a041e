import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { figure, onlineRetailCsv, runImport as runCli } from './import-process';
import { freshDataDir, removeDataDir } from './platform-process';
import { storedEvents } from './stored-events';

// The import command as operators run it (the built CLI), into a fresh embedded store.
jest.setTimeout(300_000);

const runImport = (args: string[], dataDir: string) => runCli(args, dataDir, { EVENT_STORE_DATA_DIR: join(dataDir, 'store') });

async function storeState(dataDir: string): Promise<{ count: number; head: string | null }> {
  const events = await storedEvents(join(dataDir, 'store'));
  return { count: events.length, head: events.at(-1)?.position ?? null };
}

describe('npm run import', () => {
  const dataDirs: string[] = [];
  const fresh = () => {
    const dir = freshDataDir();
    dataDirs.push(dir);
    return dir;
  };
  afterAll(() => dataDirs.forEach(removeDataDir));

  it('imports an NDJSON file, lists refused lines with their reason, and adds nothing the second time', async () => {
    const dir = fresh();
    const customerId = `c-${randomUUID()}`;
    const lines = [
      JSON.stringify({ type: 'CustomerRegistered', customerId, occurredAt: '2025-01-01T00:00:00Z', data: { partyKind: 'customer' } }),
      JSON.stringify({ type: 'ConsentGranted', customerId, eventId: randomUUID(), occurredAt: '2025-01-01T00:01:00Z', data: { channel: 'sms', purpose: 'service' } }),
      '',
      '{"type": "InteractionRecorded", ',
      JSON.stringify({ type: 'InteractionRecorded', customerId, occurredAt: '2025-01-01T00:02:00Z', data: { channel: 'pigeon', direction: 'inbound', kind: 'visit' } }),
      JSON.stringify({ type: 'InteractionRecorded', customerId, occurredAt: '2025-01-01T00:03:00Z', data: { channel: 'store', direction: 'inbound', kind: 'visit' } }),
    ];
    writeFileSync(join(dir, 'events.ndjson'), `${lines.join('\n')}\n`);

    const first = await runImport(['events.ndjson'], dir);
    expect(first.code).toBe(0);
    expect([figure(first.stdout, 'messages'), figure(first.stdout, 'recorded'), figure(first.stdout, 'rejected')]).toEqual([5, 3, 2]);
    const rejects = readFileSync(join(dir, 'import-rejected.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rejects).toEqual([
      expect.objectContaining({ at: 'line 4', code: 'invalid-json', original: lines[3] }),
      expect.objectContaining({ at: 'line 5', code: 'schema-violation', original: lines[4] }),
    ]);
    const afterFirst = await storeState(dir);
    expect(afterFirst.count).toBe(3);

    const second = await runImport(['events.ndjson', '--rejects', 'again.ndjson'], dir);
    expect(second.code).toBe(0);
    expect([figure(second.stdout, 'recorded'), figure(second.stdout, 'duplicate')]).toEqual([0, 3]);
    expect(await storeState(dir)).toEqual(afterFirst);
  });

  it('says what is wrong with its arguments', async () => {
    const run = await runImport(['no-such-file.ndjson'], fresh());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no file at no-such-file.ndjson');
    expect(run.stderr).toContain('Usage:');
  });

  it('imports the whole Online Retail data set, and leaves the store unchanged the second time', async () => {
    if (!existsSync(onlineRetailCsv)) throw new Error(`The Online Retail data set is not at ${onlineRetailCsv}: set ONLINE_RETAIL_CSV`);
    const dir = fresh();

    const first = await runImport(['--online-retail', onlineRetailCsv], dir);
    expect(first.code).toBe(0);
    expect(figure(first.stdout, 'invoice lines read')).toBe(541_909);
    expect(figure(first.stdout, 'customers')).toBe(4_372);
    expect(figure(first.stdout, 'recorded')).toBe(44_579);
    expect(figure(first.stdout, 'rejected')).toBe(0);
    const afterFirst = await storeState(dir);
    expect(afterFirst.count).toBe(44_579);

    const second = await runImport(['--online-retail', onlineRetailCsv], dir);
    expect(second.code).toBe(0);
    expect([figure(second.stdout, 'recorded'), figure(second.stdout, 'duplicate')]).toEqual([0, 44_579]);
    expect(await storeState(dir)).toEqual(afterFirst);
  });
});
