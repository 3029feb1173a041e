import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openEmbeddedKeyStore } from './embedded-key-store';

const run = promisify(execFile);
const root = resolve(__dirname, '../../../..');

// Each child opens the store and asks for the subject's first key at the same wall-clock instant.
const child = `
const { openEmbeddedKeyStore } = require(${JSON.stringify(join(__dirname, 'embedded-key-store.ts'))});
const [dataDir, masterKey, subject, startAt] = process.argv.slice(1);
(async () => {
  const store = await openEmbeddedKeyStore({ dataDir, masterKey: Buffer.from(masterKey, 'base64') });
  while (Date.now() < Number(startAt)) {}
  const key = await store.currentKey(subject);
  process.stdout.write(key.generation + ':' + key.key.toString('hex'));
  await store.close();
})();
`;

describe('the embedded key store shared by processes', () => {
  it('given several processes asking for the first key of a subject at once, then they all get the same key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cdp-keys-processes-'));
    try {
      const masterKey = randomBytes(32);
      const subject = randomUUID();
      const startAt = Date.now() + 1_500;
      const args = ['--conditions=@cdp/source', '-r', join(root, 'bench/register.js'), '-e', child];
      const outputs = await Promise.all(
        Array.from({ length: 6 }, () =>
          run(process.execPath, [...args, dataDir, masterKey.toString('base64'), subject, String(startAt)], { cwd: root }),
        ),
      );

      const keys = new Set(outputs.map(({ stdout }) => stdout));
      expect(keys.size).toBe(1);
      const store = await openEmbeddedKeyStore({ dataDir, masterKey });
      const stored = await store.currentKey(subject);
      await store.close();
      expect([...keys][0]).toBe(`1:${stored.key.toString('hex')}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
