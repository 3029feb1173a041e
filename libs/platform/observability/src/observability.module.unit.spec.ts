import { Controller, Get, INestApplication, Logger as NestLogger, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { ObservabilityModule } from './observability.module';
import { ObservabilityOptions } from './observability-options';

@Controller('things')
class ThingsController {
  @Get(':thingId')
  find(@Param('thingId') thingId: string) {
    new NestLogger('Things').log('thing found');
    return { thingId };
  }
}

class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  write(line: string): void {
    this.lines.push(JSON.parse(line));
  }
}

async function startApp(options: Partial<ObservabilityOptions> = {}) {
  const logs = new LogLines();
  const moduleRef = await Test.createTestingModule({
    imports: [ObservabilityModule.forRoot({ serviceName: 'test-service', logLevel: 'info', logDestination: logs, ...options })],
    controllers: [ThingsController],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  return { app, logs };
}

describe('ObservabilityModule', () => {
  const apps: INestApplication[] = [];
  const start = async (options: Partial<ObservabilityOptions> = {}) => {
    const started = await startApp(options);
    apps.push(started.app);
    return started;
  };
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  describe('health', () => {
    it('answers live without running readiness checks', async () => {
      const check = jest.fn().mockRejectedValue(new Error('store down'));
      const { app } = await start({ readinessChecks: [{ name: 'event-store', check }] });
      const res = await request(app.getHttpServer()).get('/health/live').expect(200);
      expect(res.body).toMatchObject({ status: 'ok' });
      expect(check).not.toHaveBeenCalled();
    });

    it('is ready when every check passes', async () => {
      const { app } = await start({
        readinessChecks: [
          { name: 'event-store', check: async () => '42' },
          { name: 'read-store', check: async () => undefined },
        ],
      });
      const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { 'event-store': { status: 'up' }, 'read-store': { status: 'up' } } });
    });

    it('is not ready, with the reason, when a check fails', async () => {
      const { app } = await start({
        readinessChecks: [
          { name: 'event-store', check: async () => '42' },
          { name: 'read-store', check: async () => Promise.reject(new Error('connection refused')) },
        ],
      });
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({
        status: 'error',
        info: { 'event-store': { status: 'up' } },
        error: { 'read-store': { status: 'down', message: 'connection refused' } },
      });
    });

    it('is not ready when a check does not answer in time', async () => {
      const { app } = await start({
        readinessTimeoutMs: 20,
        readinessChecks: [{ name: 'event-store', check: () => new Promise(() => undefined) }],
      });
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body.error['event-store']).toEqual({ status: 'down', message: 'no answer within 20 ms' });
    });
  });

  describe('metrics', () => {
    it('serves default process metrics in the Prometheus format', async () => {
      const { app } = await start();
      const res = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; .*version=0\.0\.4/);
      expect(res.text).toMatch(/^process_cpu_user_seconds_total\{service="test-service"\} /m);
      expect(res.text).toMatch(/^nodejs_heap_size_used_bytes\{service="test-service"\} /m);
    });

    it('times requests by method, route template and status', async () => {
      const { app } = await start();
      const server = app.getHttpServer();
      await request(server).get('/things/a').expect(200);
      await request(server).get('/things/b').expect(200);
      await request(server).get('/nowhere/c').expect(404);
      const { text } = await request(server).get('/metrics').expect(200);
      expect(text).toContain(
        'http_request_duration_seconds_count{service="test-service",method="GET",route="/things/:thingId",status_code="200"} 2',
      );
      expect(text).toContain(
        'http_request_duration_seconds_count{service="test-service",method="GET",route="<unmatched>",status_code="404"} 1',
      );
      expect(text).not.toContain('/things/a');
    });

    it('keeps a registry per app, so two apps in one process count apart', async () => {
      const first = await start();
      const second = await start();
      await request(first.app.getHttpServer()).get('/things/a').expect(200);
      const { text } = await request(second.app.getHttpServer()).get('/metrics').expect(200);
      expect(text).not.toContain('route="/things/:thingId"');
    });
  });

  describe('logs', () => {
    it('logs each request as one JSON line with its request and correlation ids, and no headers', async () => {
      const { app, logs } = await start();
      const res = await request(app.getHttpServer())
        .get('/things/a?q=1')
        .set('x-correlation-id', 'order-7')
        .set('authorization', 'Bearer secret')
        .expect(200);
      const requestId = res.headers['x-request-id'];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const line = logs.lines.find((entry) => entry.res && (entry.req as { id?: string }).id === requestId);
      expect(line).toMatchObject({
        msg: 'request completed',
        level: 'info',
        service: 'test-service',
        correlationId: 'order-7',
        req: { id: requestId, method: 'GET', path: '/things/a' },
        res: { statusCode: 200 },
      });
      expect(typeof line?.time).toBe('string');
      expect(JSON.stringify(logs.lines)).not.toContain('secret');
    });

    it('keeps a safe request id from the client, and replaces an unsafe one', async () => {
      const { app } = await start();
      const server = app.getHttpServer();
      const kept = await request(server).get('/things/a').set('x-request-id', 'req-123').expect(200);
      expect(kept.headers['x-request-id']).toBe('req-123');
      const replaced = await request(server).get('/things/a').set('x-request-id', 'bad id').expect(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('uses the request id as the correlation id when the client sends none', async () => {
      const { app, logs } = await start();
      const res = await request(app.getHttpServer()).get('/things/a').expect(200);
      const line = logs.lines.find((entry) => (entry.req as { id?: string } | undefined)?.id === res.headers['x-request-id']);
      expect(line?.correlationId).toBe(res.headers['x-request-id']);
    });

    it('does not log probes and scrapes', async () => {
      const { app, logs } = await start();
      const server = app.getHttpServer();
      await request(server).get('/health/live').expect(200);
      await request(server).get('/metrics').expect(200);
      expect(logs.lines.filter((entry) => entry.req)).toEqual([]);
    });

    it('writes Nest log lines as JSON carrying the id of the request they belong to', async () => {
      const { app, logs } = await start();
      const res = await request(app.getHttpServer()).get('/things/a').expect(200);
      expect(logs.lines).toContainEqual(
        expect.objectContaining({ level: 'info', context: 'Things', msg: 'thing found', req: expect.objectContaining({ id: res.headers['x-request-id'] }) }),
      );
    });
  });
});
