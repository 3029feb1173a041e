import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadPlatformConfig } from '@cdp/config';
import { OnlineRetailSummaryAccumulator } from '@cdp/online-retail-import';
import { createWriteStream, existsSync, WriteStream } from 'node:fs';
import { openEventStore } from '../../event-store/open-event-store';
import { openPersonalData } from '../../personal-data/open-personal-data';
import { openReadStore } from '../../read-store/open-read-store';
import { PlatformModule } from '../../platform.module';
import { READ_MODEL_WORKERS } from '../../projections/projection-tokens';
import { ReadModelWorkers } from '../../projections/read-model-workers';
import { IngestionService } from '../ingestion.service';
import { ImportArgumentsError, parseImportArguments, usage } from './import-arguments';
import { ImportSource, ndjsonSource, onlineRetailSource } from './import-sources';
import { formatSummary } from './import-summary';
import { ProgressReporter } from './progress-reporter';
import { runImport } from './run-import';

const batchSize = 2_000;

async function main(): Promise<number> {
  const args = parseImportArguments(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!existsSync(args.file)) throw new ImportArgumentsError(`no file at ${args.file}`);
  // Quiet by default: the progress line and the summary are the output.
  const config = loadPlatformConfig({ LOG_LEVEL: 'warn', ...process.env });
  const personalData = await openPersonalData(config.personalData);
  const sealedEventStore = await openEventStore(config.eventStore);
  const eventStore = personalData.decrypting(sealedEventStore);
  // The read models follow the import live (unless a running platform's worker does: PROJECTIONS=off).
  const readStore = await openReadStore(config.readStore);
  // In this process's event loop rather than a thread: the import waits for it and reports how closely it followed.
  const projections = { ...config.projections, runWorker: config.projections.runWorker === 'off' ? 'off' : 'in-process' } as const;
  const platform = PlatformModule.forRoot({ config: { ...config, kafka: undefined, projections }, eventStore, sealedEventStore, readStore, personalData });
  const app = await NestFactory.createApplicationContext(platform, {
    logger: ['error', 'warn'],
  });
  try {
    const service = `${config.serviceName}-import`;
    const retailSummary = new OnlineRetailSummaryAccumulator();
    const source: ImportSource =
      args.kind === 'online-retail'
        ? onlineRetailSource(args.file, { service, summary: retailSummary })
        : ndjsonSource(args.file, { maxMessageBytes: config.ingestion.maxMessageBytes, service });
    const worker = projections.runWorker === 'in-process' ? app.get<ReadModelWorkers>(READ_MODEL_WORKERS) : undefined;
    const progress = new ProgressReporter('messages');
    let rejects: WriteStream | undefined;
    const summary = await runImport(source.items, {
      ingestion: app.get(IngestionService),
      actor: { kind: 'service', id: service },
      batchSize,
      onProgress: (so) => progress.update(so.messages, source.fraction()),
      onRejected: (item, rejection) => {
        rejects ??= createWriteStream(args.rejectsFile);
        rejects.write(`${JSON.stringify({ at: item.position, code: rejection.code, message: rejection.message, issues: rejection.issues, original: item.original })}\n`);
      },
    });
    // How closely the read models followed: what they had applied when the import's last event was recorded.
    const whileImporting = new Map((worker ? await worker.statuses() : []).map((status) => [status.name, status.eventsApplied]));
    progress.finish(summary.messages);
    await new Promise<void>((done) => (rejects ? rejects.end(done) : done()));
    if (args.kind === 'online-retail') process.stdout.write(`${formatRetailSummary(retailSummary)}\n`);
    process.stdout.write(`${formatSummary(summary)}\n`);
    if (summary.rejected > 0) process.stdout.write(`refused messages, with their reasons: ${args.rejectsFile}\n`);
    if (worker) await catchUpReadModels(worker, whileImporting);
    return 0;
  } finally {
    await app.close();
  }
}

/** The read models followed the import live; the last batches are folded before the process ends. */
async function catchUpReadModels(worker: ReadModelWorkers, whileImporting: ReadonlyMap<string, number>): Promise<void> {
  await worker.waitUntilCaughtUp(undefined, { timeoutMs: 3_600_000, pollMs: 100 });
  for (const status of await worker.statuses()) {
    const failure = status.error ? ` — failed on ${status.error.eventType} ${status.error.eventId}: ${status.error.message}` : '';
    const live = `${(whileImporting.get(status.name) ?? 0).toLocaleString('en-US')} of them while the import ran`;
    process.stdout.write(`read model ${status.name}: ${status.state}, ${status.eventsApplied.toLocaleString('en-US')} events applied (${live})${failure}\n`);
  }
}

function formatRetailSummary(accumulator: OnlineRetailSummaryAccumulator): string {
  const summary = accumulator.snapshot();
  const counts = (record: Readonly<Record<string, number | undefined>>) =>
    Object.entries(record)
      .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
      .map(([key, count]) => `  ${key.padEnd(24)} ${(count ?? 0).toLocaleString('en-US')}`);
  return [
    `invoice lines read:     ${summary.linesRead.toLocaleString('en-US')}`,
    `  became events:        ${summary.linesMapped.toLocaleString('en-US')}`,
    `  skipped, on purpose:  ${summary.linesSkipped.toLocaleString('en-US')}`,
    ...counts(summary.skippedByReason),
    `  rejected:             ${summary.linesRejected.toLocaleString('en-US')}`,
    ...counts(summary.rejectedByReason),
    `customers:              ${summary.customers.toLocaleString('en-US')}`,
    `invoices:               ${summary.invoicesMapped.toLocaleString('en-US')}`,
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportArgumentsError) process.stderr.write(`${error.message}\n\n${usage}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof ImportArgumentsError || error instanceof ConfigError ? 2 : 1);
  },
);
