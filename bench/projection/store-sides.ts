import { connectMongo } from '@cdp/mongodb';
import { Position } from '@cdp/event-store';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { phase } from '../event-store/progress';
import { RebuildResult, StoreSide } from './results';
import { runStoreJob, StoreSpec } from './store-job';

export interface SideOptions {
  historyDir: string;
  events: number;
  upTo: Position;
  /** Where the rebuild writes: the read model that the ceiling then reads its documents from (embedded only). */
  store: StoreSpec;
  /** A fresh store for the raw ceiling. */
  ceilingTarget: StoreSpec;
  /** The embedded read model holding the final documents of this stretch, when `store` is not one. */
  documentsFrom?: Extract<StoreSpec, { kind: 'embedded' }>;
  timeLimitMs?: number;
  seed: number;
}

/** Rebuild, then the raw ceiling for the same writes; the ceiling's store is removed afterwards. */
export async function measureSide(options: SideOptions): Promise<StoreSide> {
  const store = options.store.kind;
  const side: StoreSide = { store, events: options.events };
  const label = `${store === 'embedded' ? 'the embedded store' : 'FerretDB'}, ${options.events.toLocaleString('en-US')} events`;
  phase(`Rebuild of customer-360 into ${label}`);
  side.rebuild = await runStoreJob({
    kind: 'rebuild',
    projection: 'customer360',
    historyDir: options.historyDir,
    upTo: options.upTo,
    store: options.store,
    timeLimitMs: options.timeLimitMs,
  });
  report(side.rebuild);
  const source = options.documentsFrom ?? (options.store.kind === 'embedded' ? options.store : undefined);
  if (!source) throw new Error('the raw ceiling needs the final documents in an embedded read model');
  phase(`Raw ceiling: bulkReplace of the same ${side.rebuild.writes.upserts.toLocaleString('en-US')} document writes into ${label}`);
  try {
    side.ceiling = await runStoreJob({
      kind: 'ceiling',
      source,
      target: options.ceilingTarget,
      writes: side.rebuild.writes.upserts,
      batchSize: Math.max(1, Math.round(side.rebuild.writes.upserts / Math.max(1, side.rebuild.writes.batches))),
      seed: options.seed,
      timeLimitMs: options.timeLimitMs,
    });
    const { documents, seconds, complete } = side.ceiling;
    process.stderr.write(`  ${documents.toLocaleString('en-US')} documents in ${seconds.toFixed(1)} s: ${Math.round(documents / seconds).toLocaleString('en-US')}/s${complete ? '' : ' (time limit reached)'}\n`);
  } catch (error) {
    // The rebuild's figures stand without it.
    side.ceilingError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`  the raw ceiling failed: ${side.ceilingError}\n`);
  } finally {
    await removeStore(options.ceilingTarget);
  }
  return side;
}

function report(run: RebuildResult): void {
  process.stderr.write(
    `  ${run.events.toLocaleString('en-US')} events in ${run.seconds.toFixed(1)} s: ${Math.round(run.events / run.seconds).toLocaleString('en-US')} events/s` +
      `${run.complete ? '' : ' (time limit reached)'}; ${run.writes.upserts.toLocaleString('en-US')} document writes in ${run.writes.batches} batches; ` +
      `peak RSS ${Math.round(Math.max(run.memory.peakRssMiB, run.memory.hwmMiB))} MiB\n`,
  );
}

export async function removeStore(spec: StoreSpec): Promise<void> {
  if (spec.kind === 'embedded') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${spec.file}${suffix}`, { force: true });
    return;
  }
  const { client, db } = await connectMongo(spec.url, spec.database);
  try {
    await db.dropDatabase();
  } finally {
    await client.close();
  }
}

/** An embedded read model in a folder of its own, named as the platform names it. */
export function embeddedStore(root: string, folder: string): Extract<StoreSpec, { kind: 'embedded' }> {
  return { kind: 'embedded', file: join(root, folder, 'read-models.sqlite') };
}
