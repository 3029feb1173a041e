import type { IncomingMessage } from 'node:http';
import { commandMetadataFrom } from './command-context';
import { RequestValidationError } from './request-validation-error';

const requestWith = (headers: Record<string, string>, id = 'req-1') => ({ headers, id }) as unknown as IncomingMessage;
const context = { serviceName: 'cdp-platform', occurredAt: '2025-03-01T09:30:00.000Z' };

describe('commandMetadataFrom', () => {
  it('starts a new chain from the request id when the client sends no correlation id', () => {
    expect(commandMetadataFrom(requestWith({}), context)).toEqual({
      correlationId: 'req-1',
      causationId: 'req-1',
      occurredAt: '2025-03-01T09:30:00.000Z',
      source: { service: 'cdp-platform' },
      actor: { kind: 'user', id: 'anonymous' },
    });
  });

  it('carries the client correlation id, as the causation id too, and the actor it names', () => {
    const metadata = commandMetadataFrom(
      requestWith({ 'x-correlation-id': 'order-7', 'x-actor-id': 'crm-sync', 'x-actor-kind': 'service' }),
      context,
    );
    expect(metadata).toMatchObject({ correlationId: 'order-7', causationId: 'order-7', actor: { kind: 'service', id: 'crm-sync' } });
  });

  it('rejects unsafe ids and unknown actor kinds, naming each header', () => {
    const request = requestWith({ 'x-correlation-id': 'a b', 'x-actor-id': '<script>', 'x-actor-kind': 'robot' });
    let thrown: unknown;
    try {
      commandMetadataFrom(request, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestValidationError);
    expect((thrown as RequestValidationError).issues.map((issue) => issue.path)).toEqual([
      'header x-correlation-id',
      'header x-actor-id',
      'header x-actor-kind',
    ]);
  });
});
