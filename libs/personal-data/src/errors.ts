/** Every personal-data error has a stable code, for logs, metrics and HTTP problem types. */
export abstract class PersonalDataError extends Error {
  abstract readonly code: string;
}

/**
 * A personal field failed authentication: it was altered, or copied from another customer, event type
 * or field. Never retried and never shown: the event must be investigated.
 */
export class PersonalDataIntegrityError extends PersonalDataError {
  readonly code = 'personal-data-integrity';
  constructor(
    readonly subjectId: string,
    readonly eventType: string,
    readonly path: string,
    reason: string,
  ) {
    super(`${eventType} of ${subjectId}: the personal field "${path}" ${reason}`);
  }
}

/** The master key does not decode to 32 bytes: start-up must stop and name the variable. */
export class InvalidMasterKeyError extends PersonalDataError {
  readonly code = 'invalid-master-key';
}

/** A stored data key does not open under this master key: wrong key configured, or the key store was altered. */
export class DataKeyUnwrapError extends PersonalDataError {
  readonly code = 'data-key-unwrap-failed';
  constructor(readonly subjectId: string, readonly generation: number) {
    super(
      `the data key of ${subjectId} (generation ${generation}) does not open with this master key: ` +
        'check that PERSONAL_DATA_MASTER_KEY is the key the store was created with',
    );
  }
}
