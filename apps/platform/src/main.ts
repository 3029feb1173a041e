import 'reflect-metadata';
import { ConfigError, loadPlatformConfig, PlatformConfig } from '@cdp/config';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { createPlatformApp } from './create-platform-app';
import { openEventStore } from './event-store/open-event-store';
import { openPersonalData } from './personal-data/open-personal-data';
import { openReadStore } from './read-store/open-read-store';
import { listeningMessage, reachableUrl } from './listening-message';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const personalData = await openPersonalData(config.personalData);
  const sealedEventStore = await openEventStore(config.eventStore);
  const eventStore = personalData.decrypting(sealedEventStore);
  const readStore = await openReadStore(config.readStore);
  const app = await createPlatformApp({ config, eventStore, sealedEventStore, readStore, personalData });
  await app.listen(config.http.port, config.http.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = reachableUrl(config.http.host, port);
  app.get(Logger).log({ url, port, docsUrl: `${url}/docs` }, listeningMessage(url, config.eventStore), 'Bootstrap');
}

function readConfigOrExit(): PlatformConfig {
  try {
    return loadPlatformConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`CDP platform failed to start: ${describeStartupError(error)}\n`);
  process.exit(1);
});

/** Errors with a code (a locked data directory, a refused connection) say what to do; a stack would bury that. */
function describeStartupError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.message} (${code})` : (error.stack ?? error.message);
}
