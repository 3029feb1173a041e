import { correlationIdHeader, correlationIdOf, headerValue, isSafeId } from '@cdp/observability';
import { Actor, EventMetadataInput } from '@cdp/event-model';
import type { IncomingMessage } from 'node:http';
import { FieldIssue, RequestValidationError } from './request-validation-error';

export const actorIdHeader = 'x-actor-id';
export const actorKindHeader = 'x-actor-kind';
const actorKinds: readonly Actor['kind'][] = ['user', 'service'];

/**
 * The metadata every event written for an HTTP command carries, from the request headers.
 * An HTTP command starts its chain, so its causation is its own correlation id.
 * Until authentication arrives, the actor is what the caller says it is.
 */
export function commandMetadataFrom(
  req: IncomingMessage,
  { serviceName, occurredAt }: { serviceName: string; occurredAt: string },
): EventMetadataInput {
  const issues: FieldIssue[] = [];
  const correlation = headerValue(req, correlationIdHeader);
  if (correlation !== undefined && !isSafeId(correlation)) issues.push(unsafeHeader(correlationIdHeader));
  const actorId = headerValue(req, actorIdHeader);
  if (actorId !== undefined && !isSafeId(actorId)) issues.push(unsafeHeader(actorIdHeader));
  const actorKind = headerValue(req, actorKindHeader) ?? 'user';
  if (!actorKinds.includes(actorKind as Actor['kind'])) {
    issues.push({ path: `header ${actorKindHeader}`, message: `${actorKindHeader} must be one of ${actorKinds.join(', ')}` });
  }
  if (issues.length > 0) throw new RequestValidationError(issues);

  const correlationId = correlationIdOf(req);
  return {
    correlationId,
    causationId: correlationId,
    occurredAt,
    source: { service: serviceName },
    actor: { kind: actorKind as Actor['kind'], id: actorId ?? 'anonymous' },
  };
}

function unsafeHeader(header: string): FieldIssue {
  return { path: `header ${header}`, message: `${header} must be 1 to 128 letters, digits or . _ : @ + -, starting with a letter or digit` };
}
