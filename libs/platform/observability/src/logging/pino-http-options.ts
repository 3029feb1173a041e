import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';
import { ObservabilityOptions } from '../observability-options';
import { correlationIdOf, requestIdFor, requestIdHeader } from './request-ids';

const quietPaths = ['/metrics', '/health/live', '/health/ready'];

/**
 * One JSON object per line, ready for a log shipper. Requests are logged by method, path and
 * status only: headers and bodies may carry personal data, and logs must not.
 */
export function pinoHttpOptions({ serviceName, logLevel }: ObservabilityOptions): Options {
  return {
    level: logLevel,
    base: { service: serviceName },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFor(req);
      res.setHeader(requestIdHeader, id);
      return id;
    },
    customProps: (req) => ({ correlationId: correlationIdOf(req) }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // Probes and scrapes every few seconds would drown the lines that matter.
    autoLogging: { ignore: (req) => quietPaths.includes(pathOf(req.url)) },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}
