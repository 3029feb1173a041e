import { MongoServerError } from 'mongodb';

/** E11000: a write collided with a unique index. MongoDB and FerretDB both report this code. */
export const duplicateKeyErrorCode = 11000;

export function isDuplicateKeyError(error: unknown): error is MongoServerError {
  return error instanceof MongoServerError && error.code === duplicateKeyErrorCode;
}
