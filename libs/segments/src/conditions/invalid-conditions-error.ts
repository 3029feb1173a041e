/** One thing wrong in a condition tree: where (`conditions.all[2].field`) and what to fix. */
export interface ConditionIssue {
  path: string;
  message: string;
}

/** A segment definition whose conditions do not validate. The code is stable: HTTP problem types use it. */
export class InvalidSegmentConditionsError extends Error {
  readonly code = 'invalid-segment-conditions';
  constructor(readonly issues: readonly ConditionIssue[]) {
    super(`the segment's conditions are invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}
