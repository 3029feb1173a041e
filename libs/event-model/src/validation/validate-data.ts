import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DataSchema } from '../versioning/event-type-definition';

/** One thing wrong with a payload: where (a dotted path) and what to fix. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Validates plain JSON against a DTO. Unknown fields are errors: producers learn about typos at once. */
export function validateData(schema: DataSchema, data: unknown): ValidationIssue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ path: 'data', message: 'data must be a JSON object' }];
  }
  const instance = plainToInstance(schema, data) as object;
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return flatten(errors, 'data');
}

function flatten(errors: ValidationError[], parent: string): ValidationIssue[] {
  return errors.flatMap((error) => {
    const path = `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
