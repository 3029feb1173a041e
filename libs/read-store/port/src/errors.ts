/** The query itself is wrong (a bad field path, page size or cursor): retrying will not help. */
export class InvalidReadQueryError extends Error {
  readonly code = 'invalid-read-query';
}

/** The store cannot be reached or is closed: retry with backoff. */
export class ReadStoreUnavailableError extends Error {
  readonly code = 'read-store-unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
