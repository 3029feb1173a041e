import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import { CampaignAlreadyPlannedError, InvalidCampaignError, NothingPromotedError } from '@cdp/campaigns';
import { CustomerAlreadyRegisteredError, CustomerDomainError, InvalidCustomerCommandError } from '@cdp/customer';
import { InvalidAggregateIdError } from '@cdp/event-model';
import {
  EventStoreUnavailableError,
  InvalidEventStoreArgumentError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@cdp/event-store';
import { STATUS_CODES } from 'node:http';
import { EventIdReusedError } from '../event-sourcing/event-id-reused-error';
import { IngestionRejectedError, statusForRejection } from '../ingestion/http/ingestion-rejected-error';
import { isOutage } from '../ingestion/is-outage';
import { InvalidReadQueryError, ReadStoreUnavailableError } from '@cdp/read-store';
import { CampaignNotFoundError } from '../campaigns/campaign-not-found-error';
import { InvalidSegmentError, SegmentAlreadyDefinedError, SegmentArchivedError, SegmentNotDefinedError } from '@cdp/segments';
import { InvalidBucketCursorError } from '@cdp/audiences';
import { SegmentNotFoundError } from '../segments/segment-not-found-error';
import { AudienceNotFoundError, AudienceSegmentNotReadyError } from '../campaigns/audience/audience-errors';
import { CustomerNotFoundError } from '../customer-view/customer-not-found-error';
import { MissingRoleError, UnknownApiTokenError } from './access/caller-roles';
import { FieldIssue, RequestValidationError } from './request-validation-error';

export const problemContentType = 'application/problem+json';

/** RFC 9457, with `code` (stable, for programs) and, for invalid requests, the faulty fields. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldIssue[];
  requestId?: string;
}

export type Problem = Omit<ProblemDetails, 'instance' | 'requestId'> & {
  /** Seconds after which a retry may succeed (the Retry-After header). */
  retryAfterSeconds?: number;
  /** Not the client's fault: worth an error log with the stack. */
  unexpected?: boolean;
};

// Problem types are identifiers, as RFC 9457 allows: a URN that names the code and never changes.
export const problemType = (code: string): string => `urn:cdp:problem:${code}`;

function problem(status: number, code: string, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: problemType(code), title, status, detail, code, ...extra };
}

/** What to tell the client about an error, and nothing that is not meant for it. */
export function problemFor(error: unknown): Problem {
  if (error instanceof RequestValidationError) {
    return problem(400, error.code, 'The request is invalid', 'Fix the fields listed in errors and send the request again.', {
      errors: [...error.issues],
    });
  }
  if (error instanceof InvalidAggregateIdError) {
    return problem(400, error.code, 'The request is invalid', error.message, { errors: [{ path: 'customerId', message: error.message }] });
  }
  if (error instanceof InvalidCustomerCommandError) {
    const errors = error.issues.map((issue) => ({ path: issue.path.replace(/^data\./, ''), message: issue.message }));
    return problem(400, error.code, 'The request is invalid', 'Fix the fields listed in errors and send the request again.', { errors });
  }
  if (error instanceof IngestionRejectedError) {
    const { code, message, issues } = error.rejection;
    const status = statusForRejection(code);
    const title = status === 400 ? 'The event is invalid' : status === 413 ? 'The event is too large' : 'The event is refused';
    return problem(status, code, title, message, issues ? { errors: issues.map(({ path, message }) => ({ path, message })) } : {});
  }
  if (error instanceof InvalidCampaignError) {
    const errors = error.issues.map((issue) => ({ path: issue.path.replace(/^data\./, ''), message: issue.message }));
    return problem(400, error.code, 'The campaign is invalid', 'Fix the fields listed in errors and send the request again.', { errors });
  }
  if (error instanceof NothingPromotedError) {
    return problem(400, error.code, 'The campaign promotes nothing', error.message, { errors: [{ path: 'products', message: error.message }] });
  }
  if (error instanceof InvalidSegmentError) {
    // The detail names each faulty node (`conditions.all[2].field: unknown field "agee"`), as errors does one by one.
    return problem(400, error.code, 'The segment is invalid', `${error.message}. Fix them and send the request again.`, { errors: [...error.issues] });
  }
  if (error instanceof SegmentAlreadyDefinedError) return problem(409, error.code, 'The segment id is taken', error.message);
  if (error instanceof SegmentArchivedError) return problem(409, error.code, 'The segment is archived', error.message);
  if (error instanceof SegmentNotDefinedError || error instanceof SegmentNotFoundError) return problem(404, error.code, 'Not found', error.message);
  if (error instanceof InvalidBucketCursorError) return problem(400, error.code, 'The cursor is invalid', error.message, { errors: [{ path: 'cursor', message: error.message }] });
  if (error instanceof CampaignAlreadyPlannedError) return problem(409, error.code, 'The campaign id is taken', error.message);
  if (error instanceof CampaignNotFoundError || error instanceof AudienceNotFoundError) return problem(404, error.code, 'Not found', error.message);
  if (error instanceof AudienceSegmentNotReadyError) return problem(409, error.code, 'The audience cannot be computed yet', error.message);
  if (error instanceof CustomerAlreadyRegisteredError) return problem(409, error.code, 'The customer is already registered', error.message);
  if (error instanceof CustomerDomainError) return problem(422, error.code, 'The customer rules reject this command', error.message);
  if (error instanceof EventIdReusedError) return problem(409, error.code, 'The event id is already used', error.message);
  if (error instanceof WrongExpectedVersionError) {
    return problem(409, error.code, 'The customer changed concurrently', 'Other writers kept changing this customer while the command ran; send it again.');
  }
  if (error instanceof StreamNotFoundError) return problem(404, error.code, 'Not found', `Nothing is recorded for ${error.streamId}.`);
  if (error instanceof StreamDeletedError) return problem(410, error.code, 'Deleted', `${error.streamId} was deleted for good.`);
  if (error instanceof MaxAppendSizeExceededError) return problem(413, error.code, 'The events are too large', error.message);
  if (error instanceof InvalidEventStoreArgumentError) return problem(400, error.code, 'The request is invalid', error.message);
  if (error instanceof EventStoreUnavailableError) {
    return problem(503, error.code, 'The event store is unavailable', 'The event store cannot be reached right now; retry shortly.', {
      retryAfterSeconds: 5,
    });
  }
  if (error instanceof CustomerNotFoundError) return problem(404, error.code, 'Not found', error.message);
  if (error instanceof UnknownApiTokenError) return problem(401, error.code, 'Unauthenticated', error.message);
  if (error instanceof MissingRoleError) return problem(403, error.code, 'Forbidden', error.message);
  if (error instanceof InvalidReadQueryError) return problem(400, error.code, 'The query is invalid', error.message);
  if (error instanceof ReadStoreUnavailableError) {
    return problem(503, error.code, 'The read store is unavailable', 'The read models cannot be reached right now; retry shortly.', {
      retryAfterSeconds: 5,
    });
  }
  if (isOutage(error)) {
    return problem(503, 'store-unavailable', 'A store is unavailable', 'A store the platform needs (the key store) cannot be reached right now; retry shortly.', {
      retryAfterSeconds: 5,
    });
  }
  if (error instanceof HttpException) return problemForHttpException(error);
  return problem(500, 'internal-error', 'Internal server error', 'An unexpected error occurred; quote the requestId when reporting it.', {
    unexpected: true,
  });
}

function problemForHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  // Nest turns the JSON body parser's SyntaxError into a bare BadRequestException: name the fault.
  if (error instanceof BadRequestException && /JSON|Unexpected (token|end|non-whitespace)/.test(error.message)) {
    return problem(400, 'invalid-json', 'The body is not JSON', `The body is not valid JSON (${error.message}): send a JSON object, or an array of them.`);
  }
  if (status === 413) {
    return problem(413, 'payload-too-large', 'The body is too large', 'The body is over 16 MB: send fewer events per request.');
  }
  const title = STATUS_CODES[status] ?? 'Error';
  const code = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const detail = status >= 500 ? 'An unexpected error occurred; quote the requestId when reporting it.' : error.message;
  return problem(status, code, title, detail, { unexpected: status >= HttpStatus.INTERNAL_SERVER_ERROR });
}
