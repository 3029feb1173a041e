import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { CustomerAlreadyRegisteredError, EmptyProfileUpdateError, InvalidCustomerCommandError } from '@cdp/customer';
import { InvalidAggregateIdError } from '@cdp/event-model';
import {
  EventStoreUnavailableError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { EventIdReusedError } from '../event-sourcing/event-id-reused-error';
import { problemFor } from './problem-details';
import { RequestValidationError } from './request-validation-error';

describe('problemFor', () => {
  it.each([
    [new RequestValidationError([{ path: 'channel', message: 'bad' }]), 400, 'invalid-request'],
    [new InvalidAggregateIdError('a b'), 400, 'invalid-aggregate-id'],
    [new InvalidCustomerCommandError('RecordInteraction', [{ path: 'data.kind', message: 'bad' }]), 400, 'invalid-customer-command'],
    [new CustomerAlreadyRegisteredError('c-1'), 409, 'customer-already-registered'],
    [new EmptyProfileUpdateError('c-1'), 422, 'empty-profile-update'],
    [new EventIdReusedError('customer-c-1', 'e-1'), 409, 'event-id-reused'],
    [new WrongExpectedVersionError('customer-c-1', 3, 4), 409, 'wrong-expected-version'],
    [new StreamNotFoundError('customer-c-1'), 404, 'stream-not-found'],
    [new StreamDeletedError('customer-c-1'), 410, 'stream-deleted'],
    [new MaxAppendSizeExceededError('customer-c-1', 2_000_000, 1_048_576), 413, 'max-append-size-exceeded'],
    [new EventStoreUnavailableError('connection refused'), 503, 'event-store-unavailable'],
    [new NotFoundException('Cannot GET /nowhere'), 404, 'not-found'],
    [new PayloadTooLargeException(), 413, 'payload-too-large'],
    [new Error('boom'), 500, 'internal-error'],
  ])('maps %p to %i %s', (error, status, code) => {
    const problem = problemFor(error);
    expect(problem).toMatchObject({ status, code, type: `urn:cdp:problem:${code}` });
    expect(problem.title).toEqual(expect.any(String));
    expect(problem.detail).toEqual(expect.any(String));
  });

  it('lists the faulty fields of an invalid request', () => {
    const problem = problemFor(new RequestValidationError([{ path: 'channel', message: 'channel must be one of …' }]));
    expect(problem.errors).toEqual([{ path: 'channel', message: 'channel must be one of …' }]);
  });

  it('names body fields, not event data paths, when the decider rejects the data', () => {
    const problem = problemFor(new InvalidCustomerCommandError('RecordInteraction', [{ path: 'data.kind', message: 'bad kind' }]));
    expect(problem.errors).toEqual([{ path: 'kind', message: 'bad kind' }]);
  });

  it('tells the client when to retry while the event store is unavailable', () => {
    expect(problemFor(new EventStoreUnavailableError('down')).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('keeps the details of unexpected errors from the client, and flags them for the log', () => {
    const problem = problemFor(new Error('password=hunter2 in connection string'));
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem.unexpected).toBe(true);
  });

  it('names a body that is not JSON, from the parser error Nest raises', () => {
    expect(problemFor(new BadRequestException('Unexpected token } in JSON'))).toMatchObject({
      status: 400,
      code: 'invalid-json',
      detail: 'The body is not valid JSON (Unexpected token } in JSON): send a JSON object, or an array of them.',
    });
  });

  it('passes on the message of other client errors Nest raises', () => {
    expect(problemFor(new BadRequestException('Validation failed (uuid is expected)')).detail).toBe('Validation failed (uuid is expected)');
  });
});
