import { ValidationPipe } from '@nestjs/common';
import { issuesFrom, RequestValidationError } from './request-validation-error';

/** Unknown fields are errors, not silently dropped: a typo in a field name must not lose data. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(issuesFrom(errors)),
  });
}
