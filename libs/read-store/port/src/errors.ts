/** The query itself is wrong (a bad field path, page size or cursor): retrying will not help. */
export class InvalidReadQueryError extends Error {
  readonly code = 'invalid-read-query';
}

/** `insertNew` was given an id the collection already holds. */
export class DocumentExistsError extends Error {
  readonly code = 'document-exists';
  constructor(
    readonly collection: string,
    options?: { cause?: unknown },
  ) {
    super(`a document inserted as new into ${collection} has the id of one stored already`, options);
  }
}

/** The store cannot be reached or is closed: retry with backoff. */
export class ReadStoreUnavailableError extends Error {
  readonly code = 'read-store-unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
