import { ReadStoreConfig } from '@cdp/config';
import { openMongoReadStore } from '@cdp/mongodb';
import { ReadStore } from '@cdp/read-store';
import { openEmbeddedReadStore } from '@cdp/read-store-embedded';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const embeddedReadStoreFile = 'read-models.sqlite';

/** The one place that picks the read store adapter, from configuration. */
export async function openReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  switch (config.kind) {
    case 'embedded':
      mkdirSync(config.dataDir, { recursive: true });
      return openEmbeddedReadStore({ file: join(config.dataDir, embeddedReadStoreFile) });
    case 'mongodb':
      return openMongoReadStore({ url: config.url, database: config.database });
  }
}
