import { ValidationError } from 'class-validator';

export interface FieldIssue {
  /** Where in the request: a body field (`channel`, `address.city`), a query or path parameter, or `header x-…`. */
  path: string;
  message: string;
}

/** The request does not say what the API needs: each issue names the field to fix. */
export class RequestValidationError extends Error {
  readonly code = 'invalid-request';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  }
}

export function issuesFrom(errors: readonly ValidationError[], parent = ''): FieldIssue[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      message: constraint === 'whitelistValidation' ? `${path} is not a field of this request: remove it or fix its spelling` : message,
    }));
    return [...own, ...issuesFrom(error.children ?? [], path)];
  });
}
