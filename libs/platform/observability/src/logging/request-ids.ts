import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const requestIdHeader = 'x-request-id';
export const correlationIdHeader = 'x-correlation-id';

// Ids from clients land in logs and event metadata: accept only a short, inert alphabet.
const safeIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/;

export function isSafeId(value: string): boolean {
  return safeIdPattern.test(value);
}

/** The client's request id when it sent a safe one (so its logs and ours line up), otherwise a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = headerValue(req, requestIdHeader);
  return given !== undefined && isSafeId(given) ? given : randomUUID();
}

/**
 * The id that ties a request to everything it causes: the client's `x-correlation-id`
 * when safe, otherwise the request id, so a log search for either finds the same lines.
 */
export function correlationIdOf(req: IncomingMessage & { id?: unknown }): string {
  const given = headerValue(req, correlationIdHeader);
  if (given !== undefined && isSafeId(given)) return given;
  return typeof req.id === 'string' ? req.id : requestIdFor(req);
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
