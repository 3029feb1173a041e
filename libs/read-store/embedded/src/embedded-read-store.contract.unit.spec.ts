import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadStoreContract } from '@cdp/read-store/contract';
import { openEmbeddedReadStore } from './embedded-read-store';

// The contract writes thousands of documents per test: under a loaded CI machine that can pass 5 s.
jest.setTimeout(30_000);

describeReadStoreContract('Embedded (SQLite)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-read-store-'));
  const file = join(dir, 'read-models.sqlite');
  return {
    store: openEmbeddedReadStore({ file }),
    reopen: async () => openEmbeddedReadStore({ file }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
