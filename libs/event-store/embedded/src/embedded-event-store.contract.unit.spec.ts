import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@cdp/event-store/contract';
import { openEmbeddedEventStore } from './embedded-event-store';

const dataDir = mkdtempSync(join(tmpdir(), 'cdp-contract-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

eventStoreContract({
  name: 'Embedded (SQLite)',
  open: async () => openEmbeddedEventStore({ dataDir, pageSize: 500 }),
  capabilities: { alwaysIdempotent: true },
});
