import { ConditionIssue } from '../conditions/invalid-conditions-error';

/** A segment rule said no. The code is stable: HTTP problem types use it. */
export abstract class SegmentDomainError extends Error {
  abstract readonly code: string;
}

export class SegmentAlreadyDefinedError extends SegmentDomainError {
  readonly code = 'segment-already-defined';
  constructor(readonly segmentId: string) {
    super(`segment ${segmentId} is already defined: choose another segmentId, or change it with PUT /v1/segments/${segmentId}`);
  }
}

export class SegmentNotDefinedError extends SegmentDomainError {
  readonly code = 'segment-not-defined';
  constructor(readonly segmentId: string) {
    super(`no segment ${segmentId} is defined: define it with POST /v1/segments`);
  }
}

export class SegmentArchivedError extends SegmentDomainError {
  readonly code = 'segment-archived';
  constructor(readonly segmentId: string) {
    super(`segment ${segmentId} is archived: it can no longer change; define a new segment instead`);
  }
}

export class InvalidSegmentError extends SegmentDomainError {
  readonly code = 'invalid-segment';
  constructor(readonly issues: readonly ConditionIssue[]) {
    super(`the segment is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}
