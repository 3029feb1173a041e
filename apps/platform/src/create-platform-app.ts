import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation.pipe';
import { setupOpenApi } from './openapi/setup-openapi';
import { PlatformModule, PlatformModuleOptions } from './platform.module';

/** The platform, wired and ready to listen. Shutdown on SIGTERM/SIGINT closes the server, then the store. */
export async function createPlatformApp(options: PlatformModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(PlatformModule.forRoot(options), { bufferLogs: true, bodyParser: false });
  // A batch of POST /v1/events holds up to 1,000 events; each is checked against INGEST_MAX_MESSAGE_BYTES on its own.
  app.useBodyParser('json', { limit: '16mb' });
  app.disable('x-powered-by');
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // process.exit(0) after the hooks instead of re-raising the signal: orchestrators read exit code 0 as a clean stop.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  setupOpenApi(app);
  return app;
}
