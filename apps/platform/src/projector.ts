import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadPlatformConfig } from '@cdp/config';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { reachableUrl } from './listening-message';
import { openEventStore } from './event-store/open-event-store';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { ProjectorModule } from './projector.module';
import { openReadStore } from './read-store/open-read-store';
import { openPersonalData } from './personal-data/open-personal-data';

/**
 * The projection worker as its own process (`node apps/platform/dist/projector.js`), for deployments on
 * EventStoreDB and MongoDB that run the API with PROJECTIONS=off. It only reads events: on the embedded store it
 * opens the file read-only beside the platform, which keeps the writer's lock.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig(process.env);
  const eventStore = await openEventStore(config.eventStore, { readOnly: true });
  const readStore = await openReadStore(config.readStore);
  const personalData = await openPersonalData(config.personalData);
  const app = await NestFactory.create<NestExpressApplication>(ProjectorModule.forRoot({ config, eventStore, readStore, personalData }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.http.port, config.http.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = reachableUrl(config.http.host, port);
  app.get(Logger).log({ url, port }, `CDP projector listening on ${url}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  process.stderr.write(`CDP projector failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
